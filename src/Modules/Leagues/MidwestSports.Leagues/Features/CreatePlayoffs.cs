using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Brackets;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features;

internal sealed class CreatePlayoffsValidator : AbstractValidator<CreatePlayoffs>
{
    public CreatePlayoffsValidator()
    {
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Teams).InclusiveBetween(2, 32).WithName("Teams in the playoffs");
    }
}

/// <summary>Seeds the bracket from the standings as they stand, and creates the games whose two teams are known.</summary>
internal sealed class CreatePlayoffsHandler(LeaguesDbContext db, CurrentScope current, ITeamDirectory teams, TimeProvider time) : ICommandHandler<CreatePlayoffs, BracketDto>
{
    public async ValueTask<BracketDto> Handle(CreatePlayoffs command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        await TeamReplica.SyncAsync(db, await teams.TeamsOfLeagueAsync(league.Id, cancellationToken), league.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LeagueLocks.LeagueAsync(db, league.Id, cancellationToken);
        var playoffGames = await db.Games.Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Playoff).ToListAsync(cancellationToken);
        if (playoffGames.Any(g => g.HasResult))
        {
            throw new ConflictException("Playoff games already have results; the bracket cannot be seeded again.");
        }

        // Ties at a seed line are settled the way the standings settle them: by the recorded coin flip.
        var now = time.GetUtcNow();
        var standings = await LeagueStandings.RecordCoinFlipsAsync(db, league, now, cancellationToken);
        var eligible = (await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id && t.Active && !t.Deleted).Select(t => t.TeamId).ToListAsync(cancellationToken)).ToHashSet();
        var seeds = standings.Rows.Where(r => eligible.Contains(r.TeamId)).Select(r => r.TeamId).ToList();
        if (seeds.Count < command.Teams)
        {
            throw new ValidationException([new ValidationFailure("teams", $"The league has {seeds.Count} active teams; a bracket of {command.Teams} cannot be seeded.")]);
        }

        db.Games.RemoveRange(playoffGames);
        if (await db.Brackets.SingleOrDefaultAsync(b => b.LeagueId == league.Id, cancellationToken) is { } old)
        {
            db.Brackets.Remove(old);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Brackets.Add(new Bracket
        {
            LeagueId = league.Id,
            CityId = league.CityId,
            Format = command.Format == PlayoffFormat.DoubleElimination ? BracketFormat.DoubleElimination : BracketFormat.SingleElimination,
            Seeds = [.. seeds.Take(command.Teams)],
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await Playoffs.AdvanceAsync(db, league, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await Playoffs.LoadAsync(db, league.Id, cancellationToken);
    }
}
