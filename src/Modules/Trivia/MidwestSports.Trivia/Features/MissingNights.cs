using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Features;

/// <summary>
/// Nights the partner should have reported by now: each live trivia league's night of the week at the venues of its
/// slots (venues a partner venue is linked to), from the last weeks, 36 hours after the start in the city's time
/// zone, not a blackout, with no partner night at that venue on that date. The admin home lists them.
/// </summary>
internal sealed class ListMissingTriviaNightsHandler(TriviaDbContext db, ILeagueDirectory leagues, ISender sender, CurrentScope current, TimeProvider time)
    : IQueryHandler<ListMissingTriviaNights, IReadOnlyList<MissingTriviaNightDto>>
{
    public async ValueTask<IReadOnlyList<MissingTriviaNightDto>> Handle(ListMissingTriviaNights query, CancellationToken cancellationToken)
    {
        var trivia = (await leagues.AllAsync(cancellationToken))
            .Where(l => string.Equals(l.Sport, MidwestCandidates.TriviaSport, StringComparison.OrdinalIgnoreCase) && l.Status == LeagueStatus.Active && current.Scope.Includes(l.CityId))
            .ToList();
        var mapped = (await db.Links.AsNoTracking().Where(l => l.Kind == UnmatchedKind.Venue && l.Status == LinkStatus.Linked && l.TargetId != null)
            .Select(l => l.TargetId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var weeks = Math.Clamp(query.Weeks, 1, 26);
        var missing = new List<MissingTriviaNightDto>();
        foreach (var league in trivia)
        {
            var setup = await sender.Send(new GetSeasonSetup(league.LeagueId), cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(setup.TimeZone);
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
            var blackouts = setup.Blackouts.Where(b => b.TeamId is null).Select(b => b.Date).ToHashSet();
            foreach (var slot in setup.Slots.Where(s => mapped.Contains(s.VenueId)).DistinctBy(s => s.VenueId))
            {
                var today = DateOnly.FromDateTime(now.DateTime);
                var last = today.AddDays(-(((int)today.DayOfWeek - (int)setup.Night + 7) % 7));
                for (var date = last; date > today.AddDays(-7 * weeks); date = date.AddDays(-7))
                {
                    var due = new DateTimeOffset(date.ToDateTime(slot.Start), zone.GetUtcOffset(date.ToDateTime(slot.Start))).AddHours(36);
                    if (due > now || blackouts.Contains(date))
                    {
                        continue;
                    }

                    var reported = await db.Nights.AnyAsync(n => n.VenueId == slot.VenueId && n.Date == date, cancellationToken);
                    if (!reported)
                    {
                        missing.Add(new MissingTriviaNightDto(league.LeagueId, league.Name, slot.VenueId, date, slot.Start));
                    }
                }
            }
        }

        return [.. missing.OrderByDescending(m => m.Date).ThenBy(m => m.LeagueName)];
    }
}

internal static class MissingNightsEndpoint
{
    public static void Map(IEndpointRouteBuilder trivia) =>
        trivia.MapGet("/missing-nights", async (ISender sender, CancellationToken ct, int weeks = 4) => TypedResults.Ok(await sender.Send(new ListMissingTriviaNights(weeks), ct)))
            .WithName("ListMissingTriviaNights")
            .WithDescription("League nights at mapped venues, 36 hours past, that the partner has not reported (your cities).");
}
