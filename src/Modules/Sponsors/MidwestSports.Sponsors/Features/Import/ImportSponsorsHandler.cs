using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Domain;
using MidwestSports.Sponsors.Persistence;

namespace MidwestSports.Sponsors.Features.Import;

/// <summary>
/// An import's sponsors in one transaction: the rules of a single create or update (valid fields, existing cities, the
/// caller holding every city of the row and of the sponsor it changes, the version read), checked for every row before
/// anything is written; a new sponsor may not take the name of one already operating in one of its cities. Each sponsor
/// gets the outbox message its single create or update would raise. Any broken rule fails the whole import.
/// </summary>
internal sealed class ImportSponsorsHandler(SponsorsDbContext db, CurrentScope current, ICityDirectory cities, TimeProvider time)
    : ICommandHandler<ImportSponsors, IReadOnlyList<SponsorImportResult>>
{
    private const int BatchSize = 1_000;

    public async ValueTask<IReadOnlyList<SponsorImportResult>> Handle(ImportSponsors command, CancellationToken cancellationToken)
    {
        var scope = current.Scope;
        scope.EnsureCanWrite();
        var rows = command.Rows;
        var validator = new SponsorFieldsValidator(cities);
        for (var i = 0; i < rows.Count; i++)
        {
            var validation = await validator.ValidateAsync(rows[i].Fields, cancellationToken);
            if (!validation.IsValid)
            {
                throw new ValidationException(validation.Errors.Select(e => new ValidationFailure($"rows[{i}].{e.PropertyName}", e.ErrorMessage)));
            }

            foreach (var city in rows[i].Fields.CityIds)
            {
                scope.EnsureCanWriteIn(city);
            }
        }

        await EnsureNewNamesAreFreeAsync(rows, cancellationToken);
        current.AuditReason = $"import {command.ImportId}";
        var now = time.GetUtcNow();
        var results = new SponsorImportResult[rows.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var batch = rows.Skip(start).Take(BatchSize).ToList();
            var updateIds = batch.Where(r => r.SponsorId is not null).Select(r => r.SponsorId!.Value).ToList();
            var existing = updateIds.Count == 0 ? []
                : await db.Sponsors.Where(s => updateIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                if (row.SponsorId is { } id)
                {
                    var sponsor = existing.GetValueOrDefault(id);
                    if (sponsor is null || !sponsor.CityIds.Any(scope.Includes))
                    {
                        throw new ConflictException($"Row {start + i + 1}: the sponsor was deleted since the preview. Preview the file again.");
                    }

                    foreach (var city in sponsor.CityIds)
                    {
                        scope.EnsureCanWriteIn(city);
                    }

                    if (row.ExpectedVersion is { } expected && sponsor.Version != expected)
                    {
                        throw new ConflictException($"Row {start + i + 1}: {sponsor.Name} was changed by someone else since the preview. Preview the file again.");
                    }

                    var before = sponsor.ToDto();
                    db.AddToOutbox(sponsor.ToChanged(sponsor.Update(row.Fields)), now);
                    results[start + i] = new SponsorImportResult(sponsor.Id, sponsor.Version, before);
                }
                else
                {
                    var sponsor = Sponsor.Create(row.Fields, now);
                    db.Sponsors.Add(sponsor);
                    db.AddToOutbox(sponsor.ToChanged(SponsorChange.Created), now);
                    results[start + i] = new SponsorImportResult(sponsor.Id, sponsor.Version, null);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("A sponsor in this import was changed by someone else while it was being saved. Preview the file again.");
            }

            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        current.AuditReason = null;
        return results;
    }

    /// <summary>
    /// A new sponsor named like one already operating in one of its cities (or like another new row) was added since the
    /// preview, or the file names it twice: the import would make a duplicate, so it stops (409).
    /// </summary>
    private async Task EnsureNewNamesAreFreeAsync(IReadOnlyList<SponsorImportRow> rows, CancellationToken ct)
    {
        var created = rows.Where(r => r.SponsorId is null).Select(r => (Key: r.Fields.Name.Trim().ToLowerInvariant(), r.Fields.Name, r.Fields.CityIds)).ToList();
        if (created.Count == 0)
        {
            return;
        }

        var twice = created.GroupBy(c => c.Key).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ConflictException($"The import creates {twice.First().Name.Trim()} twice.", "name");
        }

        var keys = created.Select(c => c.Key).ToList();
        var taken = await db.Sponsors.AsNoTracking()
            .Where(s => keys.Contains(s.Name.ToLower()))
            .Select(s => new { Key = s.Name.ToLower(), Cities = s.Cities.Select(c => c.CityId).ToList() })
            .ToListAsync(ct);
        var clash = created.FirstOrDefault(c => taken.Any(t => t.Key == c.Key && t.Cities.Intersect(c.CityIds).Any()));
        if (clash.Key is not null)
        {
            throw new ConflictException($"A sponsor named {clash.Name.Trim()} already operates in one of its cities (it was added since the preview). Preview the file again.", "name");
        }
    }
}
