using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Persistence;
using MidwestSports.Shared.Access;

namespace MidwestSports.Import.Features;

internal sealed class ListImportRowsValidator : AbstractValidator<ListImportRows>
{
    public ListImportRowsValidator()
    {
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Page).InclusiveBetween(1, 10_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class ListImportRowsHandler(ImportDbContext db, CurrentScope current) : IQueryHandler<ListImportRows, ImportRowsPageDto>
{
    public async ValueTask<ImportRowsPageDto> Handle(ListImportRows query, CancellationToken cancellationToken)
    {
        var batch = await db.VisibleAsync(query.ImportId, current.Scope, cancellationToken);
        var rows = db.Rows.AsNoTracking().Where(r => r.ImportId == batch.Id);
        if (query.Action is { } action)
        {
            rows = rows.Where(r => r.Action == action);
        }

        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.RowId).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new ImportRowsPageDto([.. page.Select(r => r.ToDto())], query.Page, query.PageSize, total);
    }
}

internal static class ListImportRowsEndpoint
{
    public static void Map(IEndpointRouteBuilder imports) =>
        imports.MapGet("/{id:guid}/rows", async (Guid id, RowAction? action, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListImportRows(id, action, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListImportRows")
            .WithDescription("The rows of an import in file order, each with its action (create, update, unchanged, error), the changes an update makes, and every problem with its line, column, value, code and message.")
            .Produces<ImportRowsPageDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
