using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class ListGamesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListGames, IReadOnlyList<GameDto>>
{
    public async ValueTask<IReadOnlyList<GameDto>> Handle(ListGames query, CancellationToken cancellationToken)
    {
        if (!await db.Leagues.InScope(current.Scope).AnyAsync(l => l.Id == query.LeagueId, cancellationToken))
        {
            throw new NotFoundException("League", query.LeagueId);
        }

        var games = db.Games.AsNoTracking().Where(g => g.LeagueId == query.LeagueId);
        if (query.TeamId is { } teamId)
        {
            games = games.Where(g => g.HomeTeamId == teamId || g.AwayTeamId == teamId);
        }

        return await GameRows.ToDtosAsync(db, await games.ToListAsync(cancellationToken), cancellationToken);
    }
}

internal sealed class GetGameHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetGame, GameDto>
{
    public async ValueTask<GameDto> Handle(GetGame query, CancellationToken cancellationToken)
    {
        var game = await db.Games.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(g => g.Id == query.GameId, cancellationToken)
            ?? throw new NotFoundException("Game", query.GameId);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}

internal sealed class MoveGameValidator : AbstractValidator<MoveGame>
{
    public MoveGameValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is not null, () =>
        {
            RuleFor(x => x.Fields.Date).PlausibleDate().OverridePropertyName("date");
            RuleFor(x => x.Fields.VenueId).NotEmpty().OverridePropertyName("venueId");
            RuleFor(x => x.Fields.Field).RequiredText(60).OverridePropertyName("field");
            RuleFor(x => x.Fields.DurationMinutes).InclusiveBetween(10, 360).When(x => x.Fields.DurationMinutes is not null).OverridePropertyName("durationMinutes");
        });
    }
}

/// <summary>Moves one game; the field must be free and neither team may already play that night.</summary>
internal sealed class MoveGameHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<MoveGame, GameDto>
{
    public async ValueTask<GameDto> Handle(MoveGame command, CancellationToken cancellationToken)
    {
        var game = await GameRows.ForWriteAsync(db, current.Scope, command.GameId, cancellationToken);
        var f = command.Fields;
        preconditions.Verify("Game", game.Version, f.Version);
        var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == f.VenueId && v.CityId == game.CityId, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("venueId", "The venue does not exist in the league's city.")]);
        var field = f.Field.Trim();
        if (!venue.Fields.Contains(field, StringComparer.Ordinal))
        {
            throw new ValidationException([new ValidationFailure("field", $"{venue.Name} has no field '{field}'.")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LeagueLocks.CityScheduleAsync(db, game.CityId, cancellationToken);
        var league = await db.Leagues.AsNoTracking().SingleAsync(l => l.Id == game.LeagueId, cancellationToken);
        if (league.Status == LeagueStatus.Archived)
        {
            throw new ConflictException("The league is archived; its games cannot move.");
        }

        if (await db.Blackouts.AsNoTracking().FirstOrDefaultAsync(
                b => b.LeagueId == game.LeagueId && b.Date == f.Date && (b.TeamId == null || b.TeamId == game.HomeTeamId || b.TeamId == game.AwayTeamId),
                cancellationToken) is { } blackout)
        {
            throw new ConflictException($"{f.Date:yyyy-MM-dd} is blacked out{(blackout.TeamId is null ? " for the league" : " for one of the teams")}: {blackout.Reason}.");
        }

        var duration = f.DurationMinutes ?? game.DurationMinutes;
        var sameNight = await db.Games.AsNoTracking()
            .Where(g => g.Id != game.Id && g.Date == f.Date && g.Status != GameStatus.Cancelled
                && (g.VenueId == venue.Id || g.HomeTeamId == game.HomeTeamId || g.AwayTeamId == game.HomeTeamId || g.HomeTeamId == game.AwayTeamId || g.AwayTeamId == game.AwayTeamId))
            .ToListAsync(cancellationToken);
        var start = f.Start.ToTimeSpan();
        if (sameNight.FirstOrDefault(g => g.VenueId == venue.Id && g.Field == field && g.Start is { } s
                && s.ToTimeSpan() < start + TimeSpan.FromMinutes(duration) && start < s.ToTimeSpan() + TimeSpan.FromMinutes(g.DurationMinutes)) is { } clash)
        {
            throw new ConflictException($"{venue.Name} {field} is taken at {clash.Start:HH\\:mm} on {f.Date:yyyy-MM-dd}.");
        }

        if (sameNight.Any(g => g.HomeTeamId == game.HomeTeamId || g.AwayTeamId == game.HomeTeamId || g.HomeTeamId == game.AwayTeamId || g.AwayTeamId == game.AwayTeamId))
        {
            throw new ConflictException($"One of the teams already plays on {f.Date:yyyy-MM-dd}.");
        }

        game.Move(f.Date, f.Start, duration, venue.Id, field, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}

internal sealed class CancelGameHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<CancelGame, GameDto>
{
    public async ValueTask<GameDto> Handle(CancelGame command, CancellationToken cancellationToken)
    {
        var game = await GameRows.ForWriteAsync(db, current.Scope, command.GameId, cancellationToken);
        preconditions.Verify("Game", game.Version, bodyVersion: null);
        if (game.Kind == GameKind.Playoff)
        {
            throw new ConflictException("A playoff game cannot be cancelled; move it to another date instead.");
        }

        game.Cancel(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await GameRows.ToDtosAsync(db, [game], cancellationToken))[0];
    }
}

internal static class GameRows
{
    public static async Task<Game> ForWriteAsync(LeaguesDbContext db, CityScope scope, Guid gameId, CancellationToken ct)
    {
        var game = await db.Games.InScope(scope).SingleOrDefaultAsync(g => g.Id == gameId, ct) ?? throw new NotFoundException("Game", gameId);
        scope.EnsureCanWrite();
        return game;
    }

    /// <summary>
    /// The game for a result, under the league's lock (inside the caller's transaction): results of one league are
    /// entered one at a time, so coin flips and bracket advances see every earlier result.
    /// </summary>
    public static async Task<Game> ForResultAsync(LeaguesDbContext db, CityScope scope, Guid gameId, CancellationToken ct)
    {
        var leagueId = await db.Games.AsNoTracking().InScope(scope).Where(g => g.Id == gameId).Select(g => (Guid?)g.LeagueId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Game", gameId);
        scope.EnsureCanWrite();
        await LeagueLocks.LeagueAsync(db, leagueId, ct);
        return await db.Games.SingleAsync(g => g.Id == gameId, ct);
    }

    /// <summary>Games in the order an admin reads a schedule: by date and time, undated playoff games last by round.</summary>
    public static async Task<IReadOnlyList<GameDto>> ToDtosAsync(LeaguesDbContext db, IReadOnlyList<Game> games, CancellationToken ct)
    {
        var teamIds = games.SelectMany(g => new[] { g.HomeTeamId, g.AwayTeamId }).Distinct().ToArray();
        var venueIds = games.Where(g => g.VenueId is not null).Select(g => g.VenueId!.Value).Distinct().ToArray();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.TeamId)).ToDictionaryAsync(t => t.TeamId, t => t.Name, ct);
        var venues = await db.Venues.AsNoTracking().Where(v => venueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return
        [
            .. games
                .OrderBy(g => g.Kind)
                .ThenBy(g => g.Date ?? DateOnly.MaxValue)
                .ThenBy(g => g.Start ?? TimeOnly.MaxValue)
                .ThenBy(g => g.Round)
                .ThenBy(g => g.VenueId is { } v ? venues.GetValueOrDefault(v) : null, StringComparer.Ordinal)
                .ThenBy(g => g.Field, StringComparer.Ordinal)
                .ThenBy(g => g.BracketCode, StringComparer.Ordinal)
                .ThenBy(g => g.Id)
                .Select(g => new GameDto(
                    g.Id, g.LeagueId, g.CityId, g.Kind, g.Round, g.Date, g.Start, g.DurationMinutes, g.VenueId, g.VenueId is { } v ? venues.GetValueOrDefault(v) : null, g.Field,
                    g.HomeTeamId, teams.GetValueOrDefault(g.HomeTeamId, "(unknown team)"), g.AwayTeamId, teams.GetValueOrDefault(g.AwayTeamId, "(unknown team)"),
                    g.Status, g.HomeScore, g.AwayScore, g.ForfeitedBy, g.BracketCode, g.Version)),
        ];
    }
}
