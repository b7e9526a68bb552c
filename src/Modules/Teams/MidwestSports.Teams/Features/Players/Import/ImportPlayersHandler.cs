using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players.Import;

/// <summary>
/// An import's players in one transaction, with the rules of a single add or update: every team read through the caller's
/// scope, valid fields, the version read, an email unique per team ignoring case and one captain per team, all checked on
/// the rosters as they will be before anything is written. Then two saves, so the one-captain index never sees two:
/// first every captain who steps down (the team's old captain when a row names a new one, and rows that take the flag
/// away), then the other rows. Any broken rule fails the whole import.
/// </summary>
internal sealed class ImportPlayersHandler(TeamsDbContext db, CurrentScope current, TimeProvider time)
    : ICommandHandler<ImportPlayers, IReadOnlyList<PlayerImportResult>>
{
    private static readonly PlayerFieldsValidator Validator = new();

    public async ValueTask<IReadOnlyList<PlayerImportResult>> Handle(ImportPlayers command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var rows = command.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var validation = Validator.Validate(rows[i].Fields);
            if (!validation.IsValid)
            {
                throw new ValidationException(validation.Errors.Select(e => new ValidationFailure($"rows[{i}].{e.PropertyName}", e.ErrorMessage)));
            }
        }

        var teamIds = rows.Select(r => r.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().InScope(scope).Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var team in teams.Values)
        {
            scope.EnsureCanWriteIn(team.CityId);
        }

        current.AuditReason = $"import {command.ImportId}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rosters = (await db.Players.Where(p => teamIds.Contains(p.TeamId)).ToListAsync(cancellationToken)).ToLookup(p => p.TeamId);
        var now = time.GetUtcNow();
        var planned = new (Player Player, PlayerDto? Before, bool StepsDown)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var team = teams.GetValueOrDefault(row.TeamId)
                ?? throw new ConflictException($"Row {i + 1}: the team was deleted since the preview. Preview the file again.");
            if (row.PlayerId is not { } id)
            {
                planned[i] = (Player.Create(team, row.Fields, now), null, false);
                continue;
            }

            var player = rosters[team.Id].SingleOrDefault(p => p.Id == id)
                ?? throw new ConflictException($"Row {i + 1}: the player was removed from {team.Name} since the preview. Preview the file again.");
            if (row.ExpectedVersion is { } expected && player.Version != expected)
            {
                throw new ConflictException($"Row {i + 1}: {player.Name} was changed by someone else since the preview. Preview the file again.");
            }

            planned[i] = (player, player.ToDto(team.CityId), player.IsCaptain && !row.Fields.IsCaptain);
        }

        var rowPlayers = planned.Select(p => p.Player.Id).ToHashSet();
        var steppingDown = EnsureRostersStayValid(rows, rosters, teams, rowPlayers)
            .ToDictionary(t => t.Key, t => t.Value.Select(p => (Player: p, Before: p.ToDto(teams[t.Key].CityId))).ToList());

        // First save: captains step down (the index is partial and not deferrable), then everything else.
        foreach (var (player, _) in steppingDown.Values.SelectMany(p => p))
        {
            player.StepDownAsCaptain();
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (planned[i].StepsDown)
            {
                planned[i].Player.Update(rows[i].Fields);
            }
        }

        await SaveAsync(cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (planned[i].Before is null)
            {
                db.Players.Add(planned[i].Player);
            }
            else if (!planned[i].StepsDown)
            {
                planned[i].Player.Update(rows[i].Fields);
            }
        }

        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return
        [
            .. planned.Select((p, i) => new PlayerImportResult(
                p.Player.Id,
                p.Player.Version,
                p.Before,
                rows[i].Fields.IsCaptain && steppingDown.TryGetValue(rows[i].TeamId, out var stepped)
                    ? [.. stepped.Select(s => new ImportUndoItem<PlayerDto>(s.Player.Id, s.Player.Version, s.Before))]
                    : [])),
        ];
    }

    /// <summary>
    /// The rosters as the import leaves them: one captain per team at most (two rows naming captains of one team is an
    /// error; a row naming one steps the team's other captain down) and no email twice in a team.
    /// </summary>
    /// <returns>By team, the players who are not rows of the import and step down as captain.</returns>
    private static Dictionary<Guid, List<Player>> EnsureRostersStayValid(
        IReadOnlyList<PlayerImportRow> rows, ILookup<Guid, Player> rosters, Dictionary<Guid, Team> teams, HashSet<Guid> rowPlayers)
    {
        var steppingDown = new Dictionary<Guid, List<Player>>();
        foreach (var team in rows.Select((r, i) => (r, i)).GroupBy(x => x.r.TeamId))
        {
            var name = teams[team.Key].Name;
            var captains = team.Where(x => x.r.Fields.IsCaptain).ToList();
            if (captains.Count > 1)
            {
                throw new ValidationException([new ValidationFailure($"rows[{captains[1].i}].isCaptain", $"Rows {captains[0].i + 1} and {captains[1].i + 1} both name a captain of {name}; a team has one.")]);
            }

            var others = rosters[team.Key].Where(p => !rowPlayers.Contains(p.Id)).ToList();
            if (captains.Count == 1)
            {
                steppingDown[team.Key] = [.. others.Where(p => p.IsCaptain)];
            }

            var emails = others.Select(p => p.Email).Concat(team.Select(x => TextRules.Clean(x.r.Fields.Email)))
                .Where(e => e is not null).Select(e => e!.ToLowerInvariant());
            if (emails.GroupBy(e => e, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ConflictException($"A player with the email '{twice.Key}' is already on {name}. Preview the file again.", "email");
            }
        }

        return steppingDown;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("A roster in this import changed while it was being saved (an email or a captain was taken). Preview the file again.", "email");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("A player in this import was changed by someone else while it was being saved. Preview the file again.");
        }
    }
}
