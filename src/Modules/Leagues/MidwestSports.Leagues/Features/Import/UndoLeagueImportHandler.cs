using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Importing;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Leagues.Features.Import;

/// <summary>
/// Undoes an import's leagues in one transaction: a league still at the version the import left it at is deleted
/// (created by the import, with no teams, which the Teams module is asked about, and no games) or restored (updated by
/// it); one changed or deleted since, or now holding teams or games, is left alone and reported. Audit entries carry the
/// import's id.
/// </summary>
internal sealed class UndoLeagueImportHandler(LeaguesDbContext db, CurrentScope current, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<UndoLeagueImport, ImportUndoReport>
{
    public async ValueTask<ImportUndoReport> Handle(UndoLeagueImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var now = time.GetUtcNow();
        var tally = new ImportUndoTally();
        var ids = command.Items.Select(i => i.Id).ToList();
        var leagues = await db.Leagues.InScope(scope).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var withGames = (await db.Games.AsNoTracking().Where(g => ids.Contains(g.LeagueId)).Select(g => g.LeagueId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        current.AuditReason = $"undo of import {command.ImportId}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in command.Items)
        {
            var league = leagues.GetValueOrDefault(item.Id);
            if (league is null || league.Version != item.Version)
            {
                tally.LeaveAloneTouched(item, league?.Name, b => b.Name);
                continue;
            }

            if (item.Before is { } had && !scope.Includes(had.CityId))
            {
                tally.LeaveAlone(item.Id, league.Name, "It was in a city you do not hold.");
                continue;
            }

            if (item.Before is not { } before)
            {
                if (withGames.Contains(league.Id) || (await teams.TeamsOfLeagueAsync(league.Id, cancellationToken)).Count > 0)
                {
                    tally.LeaveAlone(item.Id, league.Name, "It has teams or games now.");
                    continue;
                }

                db.Leagues.Remove(league);
                db.AddToOutbox(league.ToDeleted(), now);
                tally.CountRemoved();
                continue;
            }

            var change = league.Update(new LeagueFields(
                before.Name, before.Sport, before.CityId, before.SeasonYear, before.Term, before.Night, before.Level, before.Status, PublicVisible: before.PublicVisible));
            db.AddToOutbox(league.ToChanged(change), now);
            tally.CountRestored();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return tally.Report;
    }
}
