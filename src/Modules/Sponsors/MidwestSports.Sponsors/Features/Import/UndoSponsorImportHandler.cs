using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Importing;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Persistence;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Sponsors.Features.Import;

/// <summary>
/// Undoes an import's sponsors in one transaction: a sponsor still at the version the import left it at is deleted
/// (created by the import, and no team names it: the Teams module is asked) or restored (updated by it); one changed or
/// deleted since, or now sponsoring a team, is left alone and reported. Audit entries carry the import's id.
/// </summary>
internal sealed class UndoSponsorImportHandler(SponsorsDbContext db, CurrentScope current, ISender sender, TimeProvider time)
    : ICommandHandler<UndoSponsorImport, ImportUndoReport>
{
    public async ValueTask<ImportUndoReport> Handle(UndoSponsorImport command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var now = time.GetUtcNow();
        var tally = new ImportUndoTally();
        var ids = command.Items.Select(i => i.Id).ToList();
        var sponsors = await db.Sponsors.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        current.AuditReason = $"undo of import {command.ImportId}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in command.Items)
        {
            var sponsor = sponsors.GetValueOrDefault(item.Id) is { } held && held.CityIds.Any(scope.Includes) ? held : null;
            if (sponsor is null || sponsor.Version != item.Version)
            {
                tally.LeaveAloneTouched(item, sponsor?.Name, b => b.Name);
                continue;
            }

            if (!sponsor.CityIds.Concat(item.Before?.CityIds ?? []).All(scope.Includes))
            {
                tally.LeaveAlone(item.Id, sponsor.Name, "It operates in a city you do not hold.");
                continue;
            }

            if (item.Before is not { } before)
            {
                var teams = await sender.Send(new ListTeams(PageSize: 1, SponsorId: sponsor.Id, WithTotal: false), cancellationToken);
                if (teams.Items.Count > 0)
                {
                    tally.LeaveAlone(item.Id, sponsor.Name, "It sponsors a team now.");
                    continue;
                }

                db.Sponsors.Remove(sponsor);
                db.AddToOutbox(sponsor.ToDeleted(), now);
                tally.CountRemoved();
                continue;
            }

            var change = sponsor.Update(new SponsorFields(before.Name, before.ContactName, before.Email, before.Phone, before.Website, before.CityIds));
            db.AddToOutbox(sponsor.ToChanged(change), now);
            tally.CountRestored();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return tally.Report;
    }
}
