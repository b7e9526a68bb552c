using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Features;

/// <summary>
/// Who sees an import: whoever holds its city, or (an import for no one city) the admin who started it; a system admin
/// sees all. Anyone else gets 404, as for another city's team.
/// </summary>
internal static class ImportAccess
{
    public static async Task<ImportBatch> VisibleAsync(this ImportDbContext db, Guid importId, CityScope scope, CancellationToken ct)
    {
        var batch = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, ct);
        var visible = batch is not null && (scope.AllCities
            || (batch.CityId is { } city ? scope.Includes(city) : batch.CreatedById is not null && batch.CreatedById == scope.UserId));
        return visible ? batch! : throw new NotFoundException("Import", importId);
    }

    /// <summary>The imports <paramref name="scope"/> may see, as a query (the rule of <see cref="VisibleAsync"/>).</summary>
    public static IQueryable<ImportBatch> VisibleTo(this IQueryable<ImportBatch> imports, CityScope scope)
    {
        if (scope.AllCities)
        {
            return imports;
        }

        var cities = scope.CityIdArray;
        var user = scope.UserId;
        return imports.Where(i => (i.CityId != null && cities.Contains(i.CityId.Value)) || (i.CityId == null && user != null && i.CreatedById == user));
    }

    /// <summary>Changing an import (its mapping, decisions, commit, undo) takes a write role in its city (403 for a viewer).</summary>
    public static void EnsureCanChange(ImportBatch batch, CityScope scope)
    {
        if (batch.CityId is { } city)
        {
            scope.EnsureCanWriteIn(city);
        }
        else
        {
            scope.EnsureCanWrite();
        }
    }
}
