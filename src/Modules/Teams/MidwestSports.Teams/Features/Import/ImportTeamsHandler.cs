using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Messaging;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Listing;
using MidwestSports.Teams.Persistence;
using Npgsql;

namespace MidwestSports.Teams.Features.Import;

/// <summary>
/// An import's teams in one transaction, a batch of <see cref="BatchSize"/> rows at a time: each batch is checked against
/// the same rules as a single create or update (scope, live league, active sponsor of the league's city, valid fields,
/// unique name, the version read), then its new teams written by COPY (<see cref="TeamCopy"/>: each with the audit entry
/// a SaveChanges would write), its updated ones through EF Core (the change tracker cleared after), its listing rows
/// projected set-wise, the batch's created and updated teams announced in one <see cref="TeamsChanged"/> (subscribers
/// apply a thousand teams at a time, not a transaction each), and its results returned. Memory holds one batch, whatever the file's
/// size. The transaction commits after the last batch; any broken rule fails the whole import, nothing written.
/// </summary>
internal sealed class ImportTeamsHandler(
    TeamsDbContext db, CurrentScope current, ILeagueDirectory leagues, ISponsorDirectory sponsors, TimeProvider time, OutboxDispatcher dispatcher)
    : IStreamCommandHandler<ImportTeams, TeamImportResult>
{
    private const int BatchSize = 1_000;

    /// <summary>
    /// An import of one batch has its TeamsChanged published before the command returns, like any SaveChanges; a
    /// larger one's are handed on in the background, this many (batches) per transaction.
    /// </summary>
    private const int PublishInline = 1;

    private const int PublishPerTransaction = 4;

    private static readonly TeamFieldsValidator Validator = new();

    public async IAsyncEnumerable<TeamImportResult> Handle(ImportTeams command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var leagueFacts = (await leagues.AllAsync(cancellationToken)).ToDictionary(l => l.LeagueId);
        var sponsorFacts = (await sponsors.AllAsync(cancellationToken)).ToDictionary(s => s.SponsorId);
        var replicated = new HashSet<Guid>();
        var published = new List<Guid>();
        var now = time.GetUtcNow();
        var offset = 0;
        current.AuditReason = $"import {command.ImportId}";
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await foreach (var rows in command.Rows.Chunk(BatchSize).WithCancellation(cancellationToken))
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    Check(offset + i, rows[i], leagueFacts, sponsorFacts, scope);
                }

                await RefreshReplicasAsync(rows, leagueFacts, sponsorFacts, replicated, cancellationToken);
                var results = new TeamImportResult[rows.Length];
                var changes = new List<TeamChanged>(rows.Length);
                await CreateAsync(rows, leagueFacts, now, results, changes, cancellationToken);
                await UpdateAsync(rows, offset, leagueFacts, scope, now, results, changes, cancellationToken);
                if (changes.Count > 0)
                {
                    published.Add(await new TeamCopy(db, current).WriteOutboxAsync(new TeamsChanged(Guid.CreateVersion7(now), changes), now, cancellationToken));
                }

                await TeamProjection.ProjectManyAsync(db, [.. results.Select(r => r.TeamId)], cancellationToken);
                foreach (var result in results)
                {
                    yield return result;
                }

                offset += rows.Length;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            current.AuditReason = null;
        }

        await PublishAsync([.. published]);
    }

    /// <summary>The batch's rows with a team: updated through EF Core from the version the preview read, in one SaveChanges.</summary>
    private async Task UpdateAsync(
        TeamImportRow[] rows, int offset, Dictionary<Guid, LeagueFacts> leagueFacts, CityScope scope, DateTimeOffset now, TeamImportResult[] results, List<TeamChanged> changes, CancellationToken ct)
    {
        var updates = Enumerable.Range(0, rows.Length).Where(i => rows[i].TeamId is not null).ToList();
        if (updates.Count == 0)
        {
            return;
        }

        var updateIds = updates.Select(i => rows[i].TeamId!.Value).ToList();
        var existing = await db.Teams.InScope(scope).Where(t => updateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var index in updates)
        {
            var row = rows[index];
            var team = existing.GetValueOrDefault(row.TeamId!.Value) ?? throw new ConflictException($"Row {offset + index + 1}: the team was deleted since the preview. Preview the file again.");
            if (row.ExpectedVersion is { } expected && team.Version != expected)
            {
                throw new ConflictException($"Row {offset + index + 1}: {team.Name} was changed by someone else since the preview. Preview the file again.");
            }

            var before = team.ToDto();
            team.Update(row.Fields, leagueFacts[row.Fields.LeagueId].CityId);
            changes.Add(team.ToChanged());
            results[index] = new TeamImportResult(team.Id, team.Version, before);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("Another team of the same league already has one of the names in this import (it was added since the preview). Preview the file again.", "name");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("A team in this import was changed by someone else while it was being saved. Preview the file again.");
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The rows without a team, created by COPY in the caller's transaction (a unique name taken since the preview is
    /// the same 409 as through EF Core); each one's TeamChanged is added to <paramref name="changes"/>.
    /// </summary>
    private async Task CreateAsync(
        TeamImportRow[] rows, Dictionary<Guid, LeagueFacts> leagueFacts, DateTimeOffset now, TeamImportResult[] results, List<TeamChanged> changes, CancellationToken ct)
    {
        var created = new List<Team>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].TeamId is null)
            {
                var team = Team.Create(rows[i].Fields, leagueFacts[rows[i].Fields.LeagueId].CityId, now);
                created.Add(team);
                results[i] = new TeamImportResult(team.Id, team.Version, null);
            }
        }

        if (created.Count == 0)
        {
            return;
        }

        try
        {
            await new TeamCopy(db, current).WriteAsync(created, now, ct);
            changes.AddRange(created.Select(t => t.ToChanged()));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException("Another team of the same league already has one of the names in this import (it was added since the preview). Preview the file again.", "name");
        }
    }

    /// <summary>
    /// Publishes the batches' TeamsChanged messages as a SaveChanges would after its commit. A large import's are handed
    /// on in the background, a chunk per transaction, so the import does not wait for every subscriber; the relay
    /// publishes whatever this does not (a crash, a handler failure), as for any change.
    /// </summary>
    private async Task PublishAsync(Guid[] messageIds)
    {
        if (messageIds.Length == 0)
        {
            return;
        }

        if (messageIds.Length <= PublishInline)
        {
            await dispatcher.DispatchAsync(typeof(TeamsDbContext), messageIds, CancellationToken.None);
            return;
        }

        _ = Task.Run(async () =>
        {
            foreach (var chunk in messageIds.Chunk(PublishPerTransaction))
            {
                await dispatcher.DispatchAsync(typeof(TeamsDbContext), chunk, CancellationToken.None);
            }
        });
    }

    /// <summary>Every row against the rules of a single write; the first broken one names its row (rows[i].field).</summary>
    private static void Check(int index, TeamImportRow row, Dictionary<Guid, LeagueFacts> leagueFacts, Dictionary<Guid, SponsorFacts> sponsorFacts, CityScope scope)
    {
        var prefix = $"rows[{index}].";
        var validation = Validator.Validate(row.Fields);
        if (!validation.IsValid)
        {
            throw new ValidationException(validation.Errors.Select(e => new ValidationFailure(prefix + e.PropertyName, e.ErrorMessage)));
        }

        if (!leagueFacts.TryGetValue(row.Fields.LeagueId, out var league))
        {
            throw Invalid(prefix + "leagueId", "The league does not exist.");
        }

        scope.EnsureCanWriteIn(league.CityId);
        if (league.Status == LeagueStatus.Archived)
        {
            throw Invalid(prefix + "leagueId", $"{league.Name} is archived; teams cannot be added or changed in it.");
        }

        if (row.Fields.SponsorId is { } sponsorId)
        {
            if (!sponsorFacts.TryGetValue(sponsorId, out var sponsor) || !sponsor.CityIds.Any(scope.Includes))
            {
                throw Invalid(prefix + "sponsorId", "The sponsor does not exist.");
            }

            if (!sponsor.Active || !sponsor.CityIds.Contains(league.CityId))
            {
                throw Invalid(prefix + "sponsorId", $"{sponsor.Name} is not an active sponsor in {league.CityName}.");
            }
        }
    }

    /// <summary>The local name replicas of the batch's leagues, cities and sponsors, refreshed once per import (the listing projects from them).</summary>
    private async Task RefreshReplicasAsync(TeamImportRow[] rows, Dictionary<Guid, LeagueFacts> leagueFacts, Dictionary<Guid, SponsorFacts> sponsorFacts, HashSet<Guid> replicated, CancellationToken ct)
    {
        foreach (var league in rows.Select(r => r.Fields.LeagueId).Where(replicated.Add).Select(id => leagueFacts[id]))
        {
            await LeagueReplica.UpsertAsync(db, LeagueReplica.From(league), ct);
            if (replicated.Add(league.CityId))
            {
                await CityChangedHandler.UpsertAsync(db, league.CityId, league.CityName, league.CityVersion, ct);
            }
        }

        foreach (var sponsor in rows.Where(r => r.Fields.SponsorId is not null).Select(r => r.Fields.SponsorId!.Value).Where(replicated.Add).Select(id => sponsorFacts[id]))
        {
            await SponsorChangedHandler.UpsertAsync(db, sponsor.SponsorId, sponsor.Name, sponsor.Active, sponsor.Version, ct);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
