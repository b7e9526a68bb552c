using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Players.Import;

/// <summary>
/// Undoes an import's players in one transaction: a player still at the version the import left is removed (added by
/// the import) or restored (updated by it); one changed or removed since is left alone and reported, and so is a captain
/// to restore while another player (not the import's) is captain now. Removals and restorations without the captain
/// flag are saved before the captains come back, so the one-captain index never sees two. Audit entries carry the import's id.
/// </summary>
internal sealed class UndoPlayerImportHandler(TeamsDbContext db, CurrentScope current) : ICommandHandler<UndoPlayerImport, ImportUndoReport>
{
    public async ValueTask<ImportUndoReport> Handle(UndoPlayerImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        current.AuditReason = $"undo of import {command.ImportId}";
        var ids = command.Items.Select(i => i.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var players = await db.Players
            .Join(db.Teams.InScope(scope), p => p.TeamId, t => t.Id, (p, t) => p)
            .Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var leftAlone = new List<ImportUndoLeftAlone>();
        var captainsBack = new List<(Domain.Player Player, PlayerFields Fields)>();
        var (removed, restored) = (0, 0);
        foreach (var item in command.Items)
        {
            if (!players.TryGetValue(item.Id, out var player))
            {
                leftAlone.Add(new ImportUndoLeftAlone(item.Id, item.Before?.Name ?? string.Empty, "It was removed since the import."));
            }
            else if (player.Version != item.Version)
            {
                leftAlone.Add(new ImportUndoLeftAlone(item.Id, player.Name, "It was changed since the import."));
            }
            else if (item.Before is not { } before)
            {
                db.Players.Remove(player);
                removed++;
            }
            else
            {
                var fields = new PlayerFields(before.Name, before.Email, before.Phone, before.IsCaptain);
                if (before.IsCaptain && !player.IsCaptain)
                {
                    captainsBack.Add((player, fields));
                }
                else
                {
                    player.Update(fields);
                    restored++;
                }
            }
        }

        await SaveAsync(cancellationToken);
        foreach (var (player, fields) in captainsBack)
        {
            if (await db.Players.AnyAsync(p => p.TeamId == player.TeamId && p.IsCaptain && p.Id != player.Id, cancellationToken))
            {
                leftAlone.Add(new ImportUndoLeftAlone(player.Id, player.Name, "Another player is the team's captain now."));
                continue;
            }

            player.Update(fields);
            restored++;
            await SaveAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return new ImportUndoReport(removed, restored, leftAlone);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("A player's email before the import is used by another player of the team now: nothing was undone.", "email");
        }
    }
}
