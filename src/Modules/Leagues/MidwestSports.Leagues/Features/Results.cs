using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class RecordResultValidator : AbstractValidator<RecordResult>
{
    public RecordResultValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is { ForfeitedBy: null }, () =>
        {
            RuleFor(x => x.Fields.HomeScore).NotNull().WithMessage("Enter the home score (or record a forfeit).").OverridePropertyName("homeScore");
            RuleFor(x => x.Fields.AwayScore).NotNull().WithMessage("Enter the away score (or record a forfeit).").OverridePropertyName("awayScore");
        });
        RuleFor(x => x.Fields.HomeScore).InclusiveBetween(0, 999).When(x => x.Fields?.HomeScore is not null)
            .WithMessage("A score is a whole number from 0 to 999.").OverridePropertyName("homeScore");
        RuleFor(x => x.Fields.AwayScore).InclusiveBetween(0, 999).When(x => x.Fields?.AwayScore is not null)
            .WithMessage("A score is a whole number from 0 to 999.").OverridePropertyName("awayScore");
        RuleFor(x => x.Fields.Reason).OptionalText(200).When(x => x.Fields is not null).OverridePropertyName("reason");
    }
}

/// <summary>
/// Enters or corrects a result. A correction must say why: the audit log keeps who, when, old and new scores, and the
/// reason. A playoff result advances the winner; a regular-season result may need a coin flip recorded for standings.
/// </summary>
internal sealed class RecordResultHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<RecordResult, GameDto>
{
    public async ValueTask<GameDto> Handle(RecordResult command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var game = await GameRows.ForResultAsync(db, current.Scope, command.GameId, cancellationToken);
        var f = command.Fields;
        preconditions.Verify("Game", game.Version, f.Version);
        if (f.ForfeitedBy is { } forfeiter && forfeiter != game.HomeTeamId && forfeiter != game.AwayTeamId)
        {
            throw new ValidationException([new ValidationFailure("forfeitedBy", "The forfeiting team must be one of the game's two teams.")]);
        }

        if (game.HasResult && string.IsNullOrWhiteSpace(f.Reason))
        {
            throw new ValidationException([new ValidationFailure("reason", "The game already has a result; say why it is corrected (kept in the audit log).")]);
        }

        if (game.Kind == GameKind.Playoff && f.ForfeitedBy is null && f.HomeScore == f.AwayScore)
        {
            throw new ValidationException([new ValidationFailure("awayScore", "A playoff game needs a winner; a tie cannot be entered.")]);
        }

        var league = await db.Leagues.SingleAsync(l => l.Id == game.LeagueId, cancellationToken);
        var now = time.GetUtcNow();
        current.AuditReason = string.IsNullOrWhiteSpace(f.Reason) ? null : f.Reason.Trim();
        if (game.Kind == GameKind.Playoff)
        {
            var winner = f.ForfeitedBy is { } loser ? (loser == game.HomeTeamId ? game.AwayTeamId : game.HomeTeamId)
                : f.HomeScore > f.AwayScore ? game.HomeTeamId : game.AwayTeamId;
            await Playoffs.EnsureWinnerAllowedAsync(db, game, winner, cancellationToken);
        }

        game.RecordResult(f.HomeScore ?? 0, f.AwayScore ?? 0, f.ForfeitedBy, league.ForfeitWinScore, league.ForfeitLossScore, now);
        await db.SaveChangesAsync(cancellationToken);
        await AfterResultAsync(db, league, game, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }

    /// <summary>A playoff result moves the bracket on; a regular-season one may bring a tie down to a coin flip.</summary>
    public static async Task AfterResultAsync(LeaguesDbContext db, League league, Game game, DateTimeOffset now, CancellationToken ct)
    {
        if (game.Kind == GameKind.Playoff)
        {
            await Playoffs.AdvanceAsync(db, league, now, ct);
        }
        else
        {
            await LeagueStandings.RecordCoinFlipsAsync(db, league, now, ct);
        }
    }
}

internal sealed class ClearResultValidator : AbstractValidator<ClearResult>
{
    public ClearResultValidator() =>
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Say why the result is removed (kept in the audit log).").OptionalText(200);
}

/// <summary>Takes a result back (entered on the wrong game); a playoff result only while no later match of its teams is played.</summary>
internal sealed class ClearResultHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<ClearResult, GameDto>
{
    public async ValueTask<GameDto> Handle(ClearResult command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var game = await GameRows.ForResultAsync(db, current.Scope, command.GameId, cancellationToken);
        preconditions.Verify("Game", game.Version, bodyVersion: null);
        if (!game.HasResult)
        {
            throw new ConflictException("The game has no result to remove.");
        }

        if (game.Kind == GameKind.Playoff)
        {
            await Playoffs.EnsureNothingPlayedAfterAsync(db, game, cancellationToken);
        }

        var league = await db.Leagues.SingleAsync(l => l.Id == game.LeagueId, cancellationToken);
        var now = time.GetUtcNow();
        current.AuditReason = command.Reason.Trim();
        game.ClearResult(now);
        await db.SaveChangesAsync(cancellationToken);
        await RecordResultHandler.AfterResultAsync(db, league, game, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}

internal sealed class GetStandingsHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetStandings, StandingsDto>
{
    public async ValueTask<StandingsDto> Handle(GetStandings query, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == query.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", query.LeagueId);
        var table = await LeagueStandings.ComputeAsync(db, league, cancellationToken);
        return new StandingsDto(
            league.Id,
            league.Name,
            SeasonSetup.ToDto(table.Rules),
            league.DifferentialCap,
            [.. table.Rows.Select(r => new StandingsRowDto(
                r.Position, r.TeamId, r.Name, r.Played, r.Won, r.Lost, r.Tied, r.Forfeits, r.WinPercentage, r.PointsFor, r.PointsAgainst, r.Differential,
                r.CappedDifferential, r.AboveNextBecause))]);
    }
}

internal static class LeagueStandings
{
    public static async Task<StandingsTable> ComputeAsync(LeaguesDbContext db, League league, CancellationToken ct)
    {
        var games = await db.Games.AsNoTracking()
            .Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Regular && (g.Status == GameStatus.Final || g.Status == GameStatus.Forfeit))
            .Select(g => new CompletedGame(g.HomeTeamId, g.AwayTeamId, g.HomeScore!.Value, g.AwayScore!.Value, g.ForfeitedBy))
            .ToListAsync(ct);
        var played = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).ToHashSet();
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id || played.Contains(t.TeamId)).ToListAsync(ct);
        var coinFlips = await db.CoinFlips.AsNoTracking().Where(c => c.LeagueId == league.Id).ToDictionaryAsync(c => c.TeamId, c => c.Draw, ct);
        var input = new StandingsInput(
            [.. teams.Where(t => played.Contains(t.TeamId) || (t.LeagueId == league.Id && t.Active && !t.Deleted)).Select(t => new StandingsTeam(t.TeamId, t.Name))],
            games,
            TieBreakerRuleSets.Find(league.TieBreakers) ?? TieBreakerRuleSets.Default,
            league.DifferentialCap,
            coinFlips);
        return StandingsCalculator.Compute(input);
    }

    /// <summary>Draws once for every team whose tie has come down to a coin flip; the draw is kept, so the order never changes by itself.</summary>
    /// <returns>The standings with every needed draw recorded.</returns>
    public static async Task<StandingsTable> RecordCoinFlipsAsync(LeaguesDbContext db, League league, DateTimeOffset now, CancellationToken ct)
    {
        var table = await ComputeAsync(db, league, ct);
        if (table.NeedsCoinFlip.Count == 0)
        {
            return table;
        }

        // The group lists every team still tied; only those without a draw get one.
        var drawn = await db.CoinFlips.Where(c => c.LeagueId == league.Id).Select(c => c.TeamId).ToListAsync(ct);
        var missing = table.NeedsCoinFlip.Except(drawn).ToList();
        if (missing.Count == 0)
        {
            return table;
        }

        foreach (var teamId in missing)
        {
            db.CoinFlips.Add(new CoinFlip { LeagueId = league.Id, TeamId = teamId, CityId = league.CityId, Draw = RandomNumberGenerator.GetInt32(1, int.MaxValue), DrawnAt = now });
        }

        await db.SaveChangesAsync(ct);
        return await ComputeAsync(db, league, ct);
    }
}
