using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class MoveGameValidator : AbstractValidator<MoveGame>
{
    public MoveGameValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is not null, () =>
        {
            RuleFor(x => x.Fields.Date).PlausibleDate().OverridePropertyName("date");
            RuleFor(x => x.Fields.VenueId).NotEmpty().OverridePropertyName("venueId").WithMessage("Choose the venue.");
            RuleFor(x => x.Fields.Field).RequiredText(60).OverridePropertyName("field");
            RuleFor(x => x.Fields.DurationMinutes).InclusiveBetween(10, 360).When(x => x.Fields.DurationMinutes is not null).OverridePropertyName("durationMinutes").WithName("Minutes");
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
