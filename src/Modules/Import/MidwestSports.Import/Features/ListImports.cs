using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Paging;

namespace MidwestSports.Import.Features;

internal sealed class ListImportsValidator : AbstractValidator<ListImports>
{
    public ListImportsValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 10_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
    }
}

/// <summary>Import history: what <see cref="ImportAccess"/> lets the caller see, newest first.</summary>
internal sealed class ListImportsHandler(ImportDbContext db, CurrentScope current) : IQueryHandler<ListImports, PagedResultDto<ImportSummaryDto>>
{
    public async ValueTask<PagedResultDto<ImportSummaryDto>> Handle(ListImports query, CancellationToken cancellationToken)
    {
        var imports = db.Imports.AsNoTracking().VisibleTo(current.Scope);
        var total = await imports.LongCountAsync(cancellationToken);
        var page = await imports.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResultDto<ImportSummaryDto>(
            [.. page.Select(i => i.ToSummary())],
            query.Page, query.PageSize, total);
    }
}

internal static class ListImportsEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapGet("/", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListImports(page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListImports")
            .WithDescription("Import history, newest first: the imports of your cities, and those you started for no one city.")
            .Produces<PagedResultDto<ImportSummaryDto>>()
            .ProducesValidationProblem();
}
