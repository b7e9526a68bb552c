using FluentValidation;
using FluentValidation.Results;
using FuzzySharp;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Features;

/// <summary>
/// The review queue: partner teams and venues that no exact name matched, with ranked suggestions. Linking, creating
/// the team, or ignoring decides it, and a link applies its waiting results at once. A city admin sees and decides
/// their cities' items; items whose city is not known yet (an unmatched venue's city) are a system admin's.
/// </summary>
internal sealed class ListUnmatchedHandler(TriviaDbContext db, CurrentScope current, IVenueDirectory venues, ILeagueDirectory leagues, ITeamDirectory teams)
    : IQueryHandler<ListUnmatched, IReadOnlyList<UnmatchedDto>>
{
    public async ValueTask<IReadOnlyList<UnmatchedDto>> Handle(ListUnmatched query, CancellationToken cancellationToken)
    {
        var pending = (await db.Links.AsNoTracking().Where(l => l.Status == LinkStatus.Pending).OrderBy(l => l.CityName).ThenBy(l => l.Name).ToListAsync(cancellationToken))
            .Where(l => ReviewAccess.Visible(l, current.Scope)).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, cancellationToken);
        var waiting = await ReviewAccess.WaitingCountsAsync(db, pending, cancellationToken);
        return [.. pending.Select(l => new UnmatchedDto(l.Id, l.Kind, l.PartnerId, l.Kind == UnmatchedKind.Team ? l.Season : null, l.Name, l.CityName, l.CityId,
            waiting.GetValueOrDefault(l.Id), Suggest(l, candidates)))];
    }

    /// <summary>The closest names of the item's city (all cities while its city is unknown), scored 0-100, best first.</summary>
    internal static IReadOnlyList<MatchSuggestionDto> Suggest(PartnerLink link, MidwestCandidates candidates)
    {
        var name = TeamNames.Normalize(link.Name);
        IEnumerable<(Guid Id, string Name)> options = link.Kind == UnmatchedKind.Team
            ? candidates.Teams.Where(t => link.CityId is null || t.CityId == link.CityId).Select(t => (t.TeamId, $"{t.Name} ({t.LeagueName})"))
            : candidates.Venues.Where(v => link.CityId is null || v.CityId == link.CityId).Select(v => (v.VenueId, $"{v.Name} ({v.CityName})"));
        return [.. options
            .Select(o => new MatchSuggestionDto(o.Id, o.Name, Fuzz.WeightedRatio(name, TeamNames.Normalize(o.Name.Split(" (")[0]), FuzzySharp.PreProcess.PreprocessMode.None)))
            .Where(s => s.Score >= 50)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name)
            .Take(5)];
    }
}

internal sealed class LinkUnmatchedHandler(TriviaDbContext db, CurrentScope current, IVenueDirectory venues, ILeagueDirectory leagues, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<LinkUnmatched, Unit>
{
    public async ValueTask<Unit> Handle(LinkUnmatched command, CancellationToken cancellationToken)
    {
        var link = await ReviewAccess.PendingForWriteAsync(db, current.Scope, command.UnmatchedId, cancellationToken);
        var candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, cancellationToken);
        await ReviewDecisions.LinkAsync(db, link, command.TargetId, candidates, current.Scope, time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

internal sealed class IgnoreUnmatchedHandler(TriviaDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<IgnoreUnmatched, Unit>
{
    public async ValueTask<Unit> Handle(IgnoreUnmatched command, CancellationToken cancellationToken)
    {
        var link = await ReviewAccess.PendingForWriteAsync(db, current.Scope, command.UnmatchedId, cancellationToken);
        link.Status = LinkStatus.Ignored;
        link.DecidedAt = time.GetUtcNow();
        link.DecidedBy = current.Scope.Actor;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Creates the partner team as a Midwest team of a trivia league of its city (through the Teams module), then links it.</summary>
internal sealed class CreateTeamFromUnmatchedHandler(TriviaDbContext db, CurrentScope current, ISender sender, IVenueDirectory venues, ILeagueDirectory leagues, ITeamDirectory teams, TimeProvider time)
    : ICommandHandler<CreateTeamFromUnmatched, Unit>
{
    public async ValueTask<Unit> Handle(CreateTeamFromUnmatched command, CancellationToken cancellationToken)
    {
        var link = await ReviewAccess.PendingForWriteAsync(db, current.Scope, command.UnmatchedId, cancellationToken);
        if (link.Kind != UnmatchedKind.Team)
        {
            throw new ValidationException([new ValidationFailure("id", "Only a team can be created from the queue; link a venue to an existing one.")]);
        }

        var candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, cancellationToken);
        var league = candidates.Leagues.FirstOrDefault(l => l.LeagueId == command.LeagueId && (link.CityId is null || l.CityId == link.CityId))
            ?? throw new ValidationException([new ValidationFailure("leagueId", "Choose a live trivia league of the team's city.")]);
        current.Scope.EnsureCanWriteIn(league.CityId);
        var team = await sender.Send(new CreateTeam(new TeamFields(link.Name, league.LeagueId, null, "To be confirmed", null, null, 0, TeamStatus.Active)), cancellationToken);
        candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, cancellationToken);
        await ReviewDecisions.LinkAsync(db, link, team.Id, candidates, current.Scope, time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}

internal static class ReviewAccess
{
    public static bool Visible(PartnerLink link, CityScope scope) => scope.AllCities || (link.CityId is { } city && scope.Includes(city));

    public static async Task<PartnerLink> PendingForWriteAsync(TriviaDbContext db, CityScope scope, Guid id, CancellationToken ct)
    {
        var link = await db.Links.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null || !Visible(link, scope))
        {
            throw new NotFoundException("Review item", id);
        }

        scope.EnsureCanWrite();
        if (link.Status != LinkStatus.Pending)
        {
            throw new ConflictException($"'{link.Name}' was already decided ({link.Status.ToString().ToLowerInvariant()}).");
        }

        return link;
    }

    /// <summary>How many results (teams) or nights (venues) wait on each item: two grouped reads, whatever the queue's length.</summary>
    public static async Task<Dictionary<Guid, int>> WaitingCountsAsync(TriviaDbContext db, IReadOnlyList<PartnerLink> links, CancellationToken ct)
    {
        var teamIds = links.Where(l => l.Kind == UnmatchedKind.Team).Select(l => l.PartnerId).Distinct().ToArray();
        var venueIds = links.Where(l => l.Kind == UnmatchedKind.Venue).Select(l => l.PartnerId).Distinct().ToArray();
        var results = (await db.Results.Where(r => teamIds.Contains(r.PartnerTeamId))
                .Join(db.Nights, r => r.NightId, n => n.Id, (r, n) => new { n.Partner, n.Season, r.PartnerTeamId })
                .GroupBy(x => new { x.Partner, x.Season, x.PartnerTeamId })
                .Select(g => new { g.Key.Partner, g.Key.Season, g.Key.PartnerTeamId, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.Partner, x.Season, x.PartnerTeamId), x => x.Count);
        var nights = (await db.Nights.Where(n => venueIds.Contains(n.PartnerVenueId))
                .GroupBy(n => new { n.Partner, n.PartnerVenueId })
                .Select(g => new { g.Key.Partner, g.Key.PartnerVenueId, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.Partner, x.PartnerVenueId), x => x.Count);
        return links.ToDictionary(l => l.Id, l => l.Kind == UnmatchedKind.Team
            ? results.GetValueOrDefault((l.Partner, l.Season, l.PartnerId))
            : nights.GetValueOrDefault((l.Partner, l.PartnerId)));
    }
}

internal static class ReviewDecisions
{
    /// <summary>Links the item and applies its backlog in one statement: every waiting result (or night) gets its team (or venue and city).</summary>
    public static async Task LinkAsync(TriviaDbContext db, PartnerLink link, Guid targetId, MidwestCandidates candidates, CityScope scope, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (link.Kind == UnmatchedKind.Team)
        {
            var team = candidates.Teams.FirstOrDefault(t => t.TeamId == targetId && (link.CityId is null || t.CityId == link.CityId) && scope.Includes(t.CityId))
                ?? throw new ValidationException([new ValidationFailure("targetId", "Choose a team of a live trivia league in the team's city.")]);
            link.TargetId = team.TeamId;
            link.CityId ??= team.CityId;
            await db.Results
                .Where(r => r.PartnerTeamId == link.PartnerId && db.Nights.Any(n => n.Id == r.NightId && n.Partner == link.Partner && n.Season == link.Season))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.TeamId, team.TeamId), ct);
            StandingsNotices.Add(db, candidates, new HashSet<Guid> { team.TeamId }, now);
        }
        else
        {
            var venue = candidates.Venues.FirstOrDefault(v => v.VenueId == targetId && scope.Includes(v.CityId))
                ?? throw new ValidationException([new ValidationFailure("targetId", "Choose a venue of one of your cities.")]);
            link.TargetId = venue.VenueId;
            link.CityId = venue.CityId;
            await db.Nights.Where(n => n.Partner == link.Partner && n.PartnerVenueId == link.PartnerId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.VenueId, venue.VenueId).SetProperty(n => n.CityId, venue.CityId), ct);
            // The venue's teams now have a city: they join that city's queue, and exact names link at once.
            var nightSeasons = db.Nights.Where(n => n.Partner == link.Partner && n.PartnerVenueId == link.PartnerId);
            var teamIds = await db.Results.Where(r => nightSeasons.Any(n => n.Id == r.NightId)).Select(r => r.PartnerTeamId).Distinct().ToListAsync(ct);
            foreach (var teamLink in await db.Links.Where(l => l.Kind == UnmatchedKind.Team && l.Status == LinkStatus.Pending && l.CityId == null && teamIds.Contains(l.PartnerId)).ToListAsync(ct))
            {
                teamLink.CityId = venue.CityId;
                if (candidates.ExactTeam(venue.CityId, teamLink.Name) is { } exact)
                {
                    teamLink.LinkTo(exact.TeamId, now, "exact name");
                    await db.Results
                        .Where(r => r.PartnerTeamId == teamLink.PartnerId && db.Nights.Any(n => n.Id == r.NightId && n.Partner == teamLink.Partner && n.Season == teamLink.Season))
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.TeamId, exact.TeamId), ct);
                }
            }
        }

        link.LinkTo(link.TargetId!.Value, now, scope.Actor);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

internal static class ReviewQueueEndpoints
{
    public sealed record LinkBody(Guid TargetId);

    public sealed record CreateTeamBody(Guid LeagueId);

    public static void Map(IEndpointRouteBuilder trivia)
    {
        trivia.MapGet("/unmatched", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUnmatched(), ct)))
            .WithName("ListTriviaUnmatched")
            .WithDescription("Partner teams and venues waiting for review, with suggestions and how many results wait on each.");
        trivia.MapPost("/unmatched/{id:guid}/link", async (Guid id, LinkBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new LinkUnmatched(id, body.TargetId), ct);
                return TypedResults.NoContent();
            })
            .WithName("LinkTriviaUnmatched")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        trivia.MapPost("/unmatched/{id:guid}/create-team", async (Guid id, CreateTeamBody body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new CreateTeamFromUnmatched(id, body.LeagueId), ct);
                return TypedResults.NoContent();
            })
            .WithName("CreateTeamFromTriviaUnmatched")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        trivia.MapPost("/unmatched/{id:guid}/ignore", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new IgnoreUnmatched(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("IgnoreTriviaUnmatched")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
