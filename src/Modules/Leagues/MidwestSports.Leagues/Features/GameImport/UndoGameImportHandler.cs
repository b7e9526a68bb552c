using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Leagues.Features.GameImport;

/// <summary>
/// Undoes an import's games in one transaction: a game still at the version the import left is deleted (added by the
/// import) or restated as it was before (updated by it); one changed or deleted since is left alone and reported. The
/// save tells standings and the public site through the outbox, as any schedule change does. Audit entries carry the import's id.
/// </summary>
internal sealed class UndoGameImportHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<UndoGameImport, ImportUndoReport>
{
    public async ValueTask<ImportUndoReport> Handle(UndoGameImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        current.AuditReason = $"undo of import {command.ImportId}";
        var ids = command.Items.Select(i => i.Id).ToList();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var games = await db.Games.InScope(scope).Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        foreach (var leagueId in games.Values.Select(g => g.LeagueId).Distinct().Order())
        {
            await LeagueLocks.LeagueAsync(db, leagueId, cancellationToken);
        }

        var leftAlone = new List<ImportUndoLeftAlone>();
        var (removed, restored) = (0, 0);
        foreach (var item in command.Items)
        {
            if (!games.TryGetValue(item.Id, out var game))
            {
                leftAlone.Add(new ImportUndoLeftAlone(item.Id, Name(item.Before), "It was deleted since the import."));
            }
            else if (game.Version != item.Version)
            {
                leftAlone.Add(new ImportUndoLeftAlone(item.Id, $"{game.Date:yyyy-MM-dd}", "It was changed since the import."));
            }
            else if (item.Before is not { } before)
            {
                db.Games.Remove(game);
                removed++;
            }
            else
            {
                scope.EnsureCanWriteIn(game.CityId);
                game.Restate(before.Date ?? game.Date!.Value, before.Start, before.VenueId, before.Field, before.Status, before.HomeScore, before.AwayScore, before.ForfeitedBy, now);
                restored++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return new ImportUndoReport(removed, restored, leftAlone);
    }

    private static string Name(GameDto? game) => game is null ? string.Empty : $"{game.HomeTeamName} v {game.AwayTeamName}, {game.Date:yyyy-MM-dd}";
}
