using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Features;

internal sealed class ListImportsNeedingAttentionValidator : AbstractValidator<ListImportsNeedingAttention>
{
    public ListImportsNeedingAttentionValidator() => RuleFor(x => x.Sample).InclusiveBetween(0, 50);
}

/// <summary>For the home page: imports left Ready (previewed, never committed) or Failed, among those the caller may see.</summary>
internal sealed class ListImportsNeedingAttentionHandler(ImportDbContext db, CurrentScope current)
    : IQueryHandler<ListImportsNeedingAttention, ImportsNeedingAttentionDto>
{
    public async ValueTask<ImportsNeedingAttentionDto> Handle(ListImportsNeedingAttention query, CancellationToken cancellationToken)
    {
        var waiting = db.Imports.AsNoTracking().VisibleTo(current.Scope)
            .Where(i => i.Status == ImportStatus.Ready || i.Status == ImportStatus.Failed);
        var counts = await waiting.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var newest = await waiting.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(query.Sample).ToListAsync(cancellationToken);
        return new ImportsNeedingAttentionDto(
            counts.GetValueOrDefault(ImportStatus.Ready),
            counts.GetValueOrDefault(ImportStatus.Failed),
            [.. newest.Select(i => i.ToSummary())]);
    }
}
