using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features.GameImport;

/// <summary>
/// An import's games in one transaction: every row checked like a single game or result before anything is written
/// (<see cref="GameImportRules"/>), the leagues locked as a result entry locks them, then one save, whose
/// <c>LeagueContentChanged</c> messages go into the outbox like any schedule or result change, and the coin flips a
/// tie in the standings may now need. The team replicas of the caller's leagues are brought up to date first (a repair,
/// as before a schedule is planned), so teams created moments ago (by the same workbook) are known.
/// </summary>
internal sealed class ImportGamesHandler(LeaguesDbContext db, CurrentScope current, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<ImportGames, IReadOnlyList<GameImportResult>>
{
    private const int DefaultDurationMinutes = 60;

    public async ValueTask<IReadOnlyList<GameImportResult>> Handle(ImportGames command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var rows = command.Rows;
        var named = rows.Select(r => r.Fields.LeagueId).Distinct().ToList();
        var leagueIds = await db.Leagues.AsNoTracking().InScope(scope).Where(l => named.Contains(l.Id)).Select(l => l.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        foreach (var leagueId in leagueIds)
        {
            await TeamReplica.SyncAsync(db, await teams.TeamsOfLeagueAsync(leagueId, cancellationToken), leagueId, cancellationToken);
        }

        current.AuditReason = $"import {command.ImportId}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var leagueId in leagueIds)
        {
            await LeagueLocks.LeagueAsync(db, leagueId, cancellationToken);
        }

        var rules = await GameImportRules.LoadAsync(db, scope, rows, cancellationToken);
        var gameIds = rows.Where(r => r.GameId is not null).Select(r => r.GameId!.Value).ToList();
        var existing = await db.Games.InScope(scope).Where(g => gameIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var before = (await GameRows.ToDtosAsync(db, [.. existing.Values], cancellationToken)).ToDictionary(g => g.Id);
        var rounds = await RoundsAsync(leagueIds, rows, cancellationToken);
        var durations = await db.Slots.AsNoTracking().Where(s => leagueIds.Contains(s.LeagueId))
            .GroupBy(s => s.LeagueId).Select(g => new { g.Key, Minutes = g.Min(s => s.DurationMinutes) })
            .ToDictionaryAsync(g => g.Key, g => g.Minutes, cancellationToken);
        var now = time.GetUtcNow();
        var results = new GameImportResult[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var f = row.Fields;
            var league = rules.Check(i, row);
            var (home, away) = GameImportRules.Scores(f, league);
            Game game;
            GameDto? was = null;
            if (row.GameId is { } id)
            {
                game = existing.GetValueOrDefault(id) ?? throw new ConflictException($"Row {i + 1}: the game was deleted since the preview. Preview the file again.");
                if (row.ExpectedVersion is { } expected && game.Version != expected)
                {
                    throw new ConflictException($"Row {i + 1}: the game on {game.Date:yyyy-MM-dd} was changed by someone else since the preview. Preview the file again.");
                }

                if (game.LeagueId != f.LeagueId || game.HomeTeamId != f.HomeTeamId || game.AwayTeamId != f.AwayTeamId || game.Kind != GameKind.Regular)
                {
                    throw Invalid($"rows[{i}].gameId", "An import updates a regular-season game of the same league and teams only.");
                }

                was = before[id];
            }
            else
            {
                game = Game.Schedule(
                    f.LeagueId, league.CityId, GameKind.Regular, rounds[(f.LeagueId, f.Date)], f.Date, f.Start,
                    durations.GetValueOrDefault(f.LeagueId, DefaultDurationMinutes), f.VenueId, f.Field?.Trim(), f.HomeTeamId, f.AwayTeamId, null, now);
                db.Games.Add(game);
            }

            if (was is null && f.Status == GameStatus.Scheduled)
            {
                results[i] = new GameImportResult(game.Id, game.Version, null);
                continue;
            }

            game.Restate(f.Date, f.Start, f.VenueId, f.Field?.Trim(), f.Status, home, away, f.Status == GameStatus.Forfeit ? f.ForfeitedBy : null, now);
            results[i] = new GameImportResult(game.Id, game.Version, was);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("A game in this import was changed by someone else while it was being saved. Preview the file again.");
        }

        foreach (var league in rules.Leagues)
        {
            await LeagueStandings.RecordCoinFlipsAsync(db, league, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return results;
    }

    /// <summary>A new game's round: the round of the league's games that night, else the night's place among the league's game nights.</summary>
    private async Task<Dictionary<(Guid League, DateOnly Date), int>> RoundsAsync(List<Guid> leagueIds, IReadOnlyList<GameImportRow> rows, CancellationToken ct)
    {
        var played = await db.Games.AsNoTracking().Where(g => leagueIds.Contains(g.LeagueId) && g.Kind == GameKind.Regular && g.Date != null)
            .Select(g => new { g.LeagueId, Date = g.Date!.Value, g.Round }).Distinct().ToListAsync(ct);
        var rounds = new Dictionary<(Guid, DateOnly), int>();
        foreach (var league in rows.GroupBy(r => r.Fields.LeagueId))
        {
            var known = played.Where(p => p.LeagueId == league.Key).GroupBy(p => p.Date).ToDictionary(g => g.Key, g => g.Min(p => p.Round));
            var nights = known.Keys.Concat(league.Select(r => r.Fields.Date)).Distinct().Order().ToList();
            foreach (var night in league.Select(r => r.Fields.Date).Distinct())
            {
                rounds[(league.Key, night)] = known.TryGetValue(night, out var round) ? round : nights.IndexOf(night) + 1;
            }
        }

        return rounds;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
