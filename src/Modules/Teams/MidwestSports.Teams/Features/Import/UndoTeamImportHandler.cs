using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Persistence;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Listing;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features.Import;

/// <summary>
/// Undoes an import's teams in one transaction: a team still at the version the import left it at is deleted (created
/// by the import) or restored (updated by it); one changed or deleted since is left alone and reported. Audit entries
/// carry the import's id.
/// </summary>
internal sealed class UndoTeamImportHandler(TeamsDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<UndoTeamImport, ImportUndoReport>
{
    private const int BatchSize = 1_000;

    public async ValueTask<ImportUndoReport> Handle(UndoTeamImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        current.AuditReason = $"undo of import {command.ImportId}";
        var now = time.GetUtcNow();
        var (removed, restored) = (0, 0);
        var leftAlone = new List<ImportUndoLeftAlone>();
        var touched = new List<Guid>();
        var deleted = new List<Guid>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in command.Items.Chunk(BatchSize))
        {
            var ids = batch.Select(i => i.Id).ToList();
            var teams = await db.Teams.InScope(scope).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
            foreach (var item in batch)
            {
                if (!teams.TryGetValue(item.Id, out var team))
                {
                    leftAlone.Add(new ImportUndoLeftAlone(item.Id, item.Before?.Name ?? string.Empty, "It was deleted since the import."));
                    continue;
                }

                if (team.Version != item.Version)
                {
                    leftAlone.Add(new ImportUndoLeftAlone(item.Id, team.Name, "It was changed since the import."));
                    continue;
                }

                if (item.Before is not { } before)
                {
                    db.Teams.Remove(team);
                    db.AddToOutbox(team.ToChanged(deleted: true), now);
                    deleted.Add(team.Id);
                    removed++;
                    continue;
                }

                scope.EnsureCanWriteIn(before.CityId);
                team.Update(
                    new TeamFields(before.Name, before.LeagueId, before.SponsorId, before.CaptainName, before.CaptainEmail, before.CaptainPhone, before.RosterSize, before.Status),
                    before.CityId);
                db.AddToOutbox(team.ToChanged(), now);
                touched.Add(team.Id);
                restored++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await TeamProjection.RemoveManyAsync(db, [.. deleted], cancellationToken);
        await TeamProjection.ProjectManyAsync(db, [.. touched], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return new ImportUndoReport(removed, restored, leftAlone);
    }
}
