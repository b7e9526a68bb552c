using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class GenerateScheduleValidator : AbstractValidator<GenerateSchedule>
{
    public GenerateScheduleValidator()
    {
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.StartDate).PlausibleDate().WithMessage("The first night must be a date between 2000 and 2100.");
        RuleFor(x => x.Weeks).InclusiveBetween(1, 52).WithName("Weeks");
        RuleFor(x => x.ExpectedPlan).OptionalText(64);
    }
}

/// <summary>
/// Plans the league's season around what already exists: games with results stay, other leagues' games at the same
/// venues are avoided, blackouts are honoured. A preview saves nothing; a commit replaces the unplayed games, and only
/// when every game found a place. Commits in one city are serialised, so two leagues sharing a venue cannot clash.
/// </summary>
internal sealed class GenerateScheduleHandler(LeaguesDbContext db, CurrentScope current, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<GenerateSchedule, SchedulePreviewDto>
{
    public async ValueTask<SchedulePreviewDto> Handle(GenerateSchedule command, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == command.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", command.LeagueId);
        if (league.Status == LeagueStatus.Archived)
        {
            throw new ConflictException("The league is archived; its schedule cannot change.");
        }

        await TeamReplica.SyncAsync(db, await teams.TeamsOfLeagueAsync(league.Id, cancellationToken), league.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One planner at a time per city (the fields other leagues hold are read and written under the same lock),
        // and no result entered for this league while its games are being replaced.
        await LeagueLocks.CityScheduleAsync(db, league.CityId, cancellationToken);
        await LeagueLocks.LeagueAsync(db, league.Id, cancellationToken);
        var today = await LeagueLocks.TodayAsync(db, league.CityId, time, cancellationToken);
        var plan = await SchedulePlanning.PlanAsync(db, league, command.Format, command.StartDate, command.Weeks, today, cancellationToken);
        var preview = plan.ToPreview(committed: false);
        if (command.Commit)
        {
            if (preview.Unplaced.Count > 0)
            {
                throw new ConflictException(
                    $"{preview.Unplaced.Count} game(s) could not be placed, so nothing was saved. First: {preview.Unplaced[0].Reason} Preview the schedule to see every one.");
            }

            if (command.ExpectedPlan is { Length: > 0 } expected && !string.Equals(expected, preview.PlanId, StringComparison.Ordinal))
            {
                throw new ConflictException("The schedule would differ from the preview (teams, slots, blackouts or another league's games changed since). Preview it again, then save.");
            }

            var now = time.GetUtcNow();
            db.Games.RemoveRange(plan.Replaced);
            db.Games.AddRange(plan.Result.Games.Select(g => Game.Schedule(
                league.Id, league.CityId, GameKind.Regular, g.Round, g.Date, g.Start, g.DurationMinutes, g.VenueId, g.Field, g.HomeTeamId, g.AwayTeamId, null, now)));
            await db.SaveChangesAsync(cancellationToken);
            preview = preview with { Committed = true };
        }

        await transaction.CommitAsync(cancellationToken);
        return preview;
    }
}
