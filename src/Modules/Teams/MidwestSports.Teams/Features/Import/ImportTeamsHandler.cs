using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Listing;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Import;

/// <summary>
/// An import's teams in one transaction: the same rules as a single create or update (scope, live league, active sponsor
/// of the league's city, valid fields, unique name, the version read), checked for every row before anything is written;
/// then the rows in batches (the change tracker cleared between them), an outbox message per team, and the listing rows
/// projected set-wise at the end. Any broken rule fails the whole import.
/// </summary>
internal sealed class ImportTeamsHandler(TeamsDbContext db, CurrentScope current, ILeagueDirectory leagues, ISponsorDirectory sponsors, TimeProvider time)
    : ICommandHandler<ImportTeams, IReadOnlyList<TeamImportResult>>
{
    private const int BatchSize = 1_000;

    private static readonly TeamFieldsValidator Validator = new();

    public async ValueTask<IReadOnlyList<TeamImportResult>> Handle(ImportTeams command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var rows = command.Rows;
        var leagueFacts = (await leagues.AllAsync(cancellationToken)).ToDictionary(l => l.LeagueId);
        var sponsorFacts = (await sponsors.AllAsync(cancellationToken)).ToDictionary(s => s.SponsorId);
        for (var i = 0; i < rows.Count; i++)
        {
            Check(i, rows[i], leagueFacts, sponsorFacts, scope);
        }

        current.AuditReason = $"import {command.ImportId}";
        var now = time.GetUtcNow();
        var results = new TeamImportResult[rows.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RefreshReplicasAsync(rows, leagueFacts, sponsorFacts, cancellationToken);
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var batch = rows.Skip(start).Take(BatchSize).ToList();
            var updateIds = batch.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).ToList();
            var existing = updateIds.Count == 0 ? []
                : await db.Teams.InScope(scope).Where(t => updateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                var league = leagueFacts[row.Fields.LeagueId];
                Team team;
                TeamDto? before = null;
                if (row.TeamId is { } id)
                {
                    team = existing.GetValueOrDefault(id) ?? throw new ConflictException($"Row {start + i + 1}: the team was deleted since the preview. Preview the file again.");
                    if (row.ExpectedVersion is { } expected && team.Version != expected)
                    {
                        throw new ConflictException($"Row {start + i + 1}: {team.Name} was changed by someone else since the preview. Preview the file again.");
                    }

                    before = team.ToDto();
                    team.Update(row.Fields, league.CityId);
                }
                else
                {
                    team = Team.Create(row.Fields, league.CityId, now);
                    db.Teams.Add(team);
                }

                db.AddToOutbox(team.ToChanged(), now);
                results[start + i] = new TeamImportResult(team.Id, team.Version, before);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException("Another team of the same league already has one of the names in this import (it was added since the preview). Preview the file again.", "name");
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("A team in this import was changed by someone else while it was being saved. Preview the file again.");
            }

            db.ChangeTracker.Clear();
        }

        await TeamProjection.ProjectManyAsync(db, [.. results.Select(r => r.TeamId)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return results;
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

    private async Task RefreshReplicasAsync(IReadOnlyList<TeamImportRow> rows, Dictionary<Guid, LeagueFacts> leagueFacts, Dictionary<Guid, SponsorFacts> sponsorFacts, CancellationToken ct)
    {
        foreach (var league in rows.Select(r => r.Fields.LeagueId).Distinct().Select(id => leagueFacts[id]))
        {
            await LeagueReplica.UpsertAsync(db, LeagueReplica.From(league), ct);
            await CityChangedHandler.UpsertAsync(db, league.CityId, league.CityName, league.CityVersion, ct);
        }

        foreach (var sponsor in rows.Where(r => r.Fields.SponsorId is not null).Select(r => r.Fields.SponsorId!.Value).Distinct().Select(id => sponsorFacts[id]))
        {
            await SponsorChangedHandler.UpsertAsync(db, sponsor.SponsorId, sponsor.Name, sponsor.Active, sponsor.Version, ct);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
