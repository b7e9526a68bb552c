using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class ListVenuesValidator : AbstractValidator<ListVenues>
{
    public ListVenuesValidator()
    {
        RuleFor(x => x.Q).OptionalText(100);
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
    }
}

/// <summary>The venue list and the venue picker's search: matched in the database, wildcards taken literally.</summary>
internal sealed class ListVenuesHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<ListVenues, IReadOnlyList<VenueDto>>
{
    public async ValueTask<IReadOnlyList<VenueDto>> Handle(ListVenues query, CancellationToken cancellationToken)
    {
        var rows = Venues.InScope(db, current.Scope).Where(r => query.CityId == null || r.Venue.CityId == query.CityId);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePatterns.Contains(query.Q);
            rows = rows.Where(r => EF.Functions.ILike(r.Venue.Name, pattern, LikePatterns.Escape) || EF.Functions.ILike(r.Venue.Address, pattern, LikePatterns.Escape));
        }

        var ordered = rows.OrderBy(r => r.CityName).ThenBy(r => r.Venue.Name).ThenBy(r => r.Venue.Id);
        return await (query.Limit is { } limit ? ordered.Take(limit) : ordered)
            .Select(r => Venues.ToDto(r.Venue, r.CityName))
            .ToListAsync(cancellationToken);
    }
}
