using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Paging;
using MidwestSports.Shared.Validation;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Domain;
using MidwestSports.Sponsors.Persistence;

namespace MidwestSports.Sponsors.Features;

internal sealed class ListSponsorsValidator : AbstractValidator<ListSponsors>
{
    public static readonly string[] SortKeys = ["name", "contactName", "createdAt"];

    public ListSponsorsValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize, x => x.Sort, SortKeys);
        RuleFor(x => x.Q).OptionalText(100);
    }
}

internal sealed class ListSponsorsHandler(SponsorsDbContext db, CurrentScope current) : IQueryHandler<ListSponsors, PagedResultDto<SponsorDto>>
{
    public async ValueTask<PagedResultDto<SponsorDto>> Handle(ListSponsors query, CancellationToken cancellationToken)
    {
        var sponsors = SponsorAccess.Visible(db, current.Scope);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePatterns.Contains(query.Q);
            sponsors = sponsors.Where(s => EF.Functions.ILike(s.Name, pattern, LikePatterns.Escape) || (s.ContactName != null && EF.Functions.ILike(s.ContactName, pattern, LikePatterns.Escape)));
        }

        if (query.CityId is { } cityId)
        {
            sponsors = sponsors.Where(s => s.Cities.Any(c => c.CityId == cityId));
        }

        if (query.Active is { } active)
        {
            sponsors = sponsors.Where(s => s.Active == active);
        }

        var total = await sponsors.LongCountAsync(cancellationToken);
        var sort = SortSpec.Parse(query.Sort, "name");
        var ordered = (sort.Key, sort.Descending) switch
        {
            ("contactName", false) => sponsors.OrderBy(s => s.ContactName!.ToLower()).ThenBy(s => s.Id),
            ("contactName", true) => sponsors.OrderByDescending(s => s.ContactName!.ToLower()).ThenBy(s => s.Id),
            ("createdAt", false) => sponsors.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id),
            ("createdAt", true) => sponsors.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            (_, true) => sponsors.OrderByDescending(s => s.Name.ToLower()).ThenBy(s => s.Id),
            _ => sponsors.OrderBy(s => s.Name.ToLower()).ThenBy(s => s.Id),
        };
        var page = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResultDto<SponsorDto>([.. page.Select(s => s.ToDto())], query.Page, query.PageSize, total);
    }
}

internal sealed class GetSponsorHandler(SponsorsDbContext db, CurrentScope current) : IQueryHandler<GetSponsor, SponsorDto>
{
    public async ValueTask<SponsorDto> Handle(GetSponsor query, CancellationToken cancellationToken) =>
        (await SponsorAccess.Visible(db, current.Scope).SingleOrDefaultAsync(s => s.Id == query.SponsorId, cancellationToken)
            ?? throw new NotFoundException("Sponsor", query.SponsorId)).ToDto();
}

internal static class SponsorAccess
{
    /// <summary>A sponsor is visible to whoever holds any city it operates in.</summary>
    public static IQueryable<Sponsor> Visible(SponsorsDbContext db, CityScope scope)
    {
        var sponsors = db.Sponsors.AsNoTracking();
        if (scope.AllCities)
        {
            return sponsors;
        }

        var ids = scope.CityIdArray;
        return sponsors.Where(s => s.Cities.Any(c => ids.Contains(c.CityId)));
    }

    /// <summary>
    /// Writable when visible (else 404) and when the caller holds every city the sponsor operates in, before and
    /// after the change (else 403): a Milwaukee admin cannot take a sponsor away from Chicago.
    /// </summary>
    public static async Task<Sponsor> ForWriteAsync(SponsorsDbContext db, CityScope scope, Guid sponsorId, CancellationToken ct)
    {
        var visible = await Visible(db, scope).AnyAsync(s => s.Id == sponsorId, ct);
        var sponsor = visible ? await db.Sponsors.SingleOrDefaultAsync(s => s.Id == sponsorId, ct) : null;
        if (sponsor is null)
        {
            throw new NotFoundException("Sponsor", sponsorId);
        }

        scope.EnsureCanWrite();
        foreach (var city in sponsor.Cities)
        {
            scope.EnsureCanWriteIn(city.CityId);
        }

        return sponsor;
    }
}
