using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Paging;
using MidwestSports.Teams.Contracts;

namespace MidwestSports.Teams.Listing;

/// <summary>
/// Reads only teams.team_listing (and the name replicas). Every sort has an index (key, team_id); a cursor continues
/// with a keyset condition, so a page costs the same at any depth. Rows without a sponsor come last in both
/// directions. The story of a page, each step in a file of its own:
/// name filters resolved on the replicas (<see cref="ReplicaMatches"/>); the rows with a value, by one strategy
/// (<see cref="StaleSponsorsPage"/> while a rename is being re-keyed, <see cref="SponsorNamesPage"/>,
/// <see cref="QuickSearchPage"/>, else <see cref="IndexRangePage"/>); the sponsorless tail (<see cref="SponsorlessTail"/>);
/// the total (<see cref="TeamListingCounts"/>); the sponsor names shown (<see cref="SponsorNamesShown"/>).
/// </summary>
internal sealed class ListTeamsHandler(TeamListingDatabase database, CurrentScope current) : IQueryHandler<ListTeams, TeamListingPage>
{
    public async ValueTask<TeamListingPage> Handle(ListTeams query, CancellationToken cancellationToken)
    {
        var sort = SortSpec.Parse(query.Sort, "name");
        var cursor = CursorOf(query, sort);
        await using var connection = await database.OpenAsync(cancellationToken);
        var sponsorIds = query.SponsorName is { Length: > 0 } sponsor ? await ReplicaMatches.SponsorIdsAsync(connection, sponsor, cancellationToken) : null;
        var leagueIds = query.LeagueName is { Length: > 0 } league ? await ReplicaMatches.LeagueIdsAsync(connection, league, cancellationToken) : null;
        if (sponsorIds is { Length: 0 } || leagueIds is { Length: 0 })
        {
            return new TeamListingPage([], query.Page, query.PageSize, 0, false, null);
        }

        var quick = string.IsNullOrWhiteSpace(query.Q) ? null : await ReplicaMatches.QuickAsync(connection, query.Q, cancellationToken);
        var bySponsor = sort.Key == "sponsorName";
        var filter = TeamListingSql.Filter(query, current.Scope, sponsorIds, leagueIds, quick) with
        {
            SponsorKeys = query.SponsorName is { Length: > 0 } name
                ? await ReplicaMatches.SponsorKeysAsync(connection, name, bySponsor && sort.Descending, bySponsor ? cursor?.Value : null, cancellationToken)
                : null,
            SponsoredOnly = sponsorIds is not null || query.SponsorId is not null || query.HasSponsor == true,
        };
        var page = new PageRequest(query, current.Scope, sort, cursor, filter, sponsorIds, leagueIds, quick);
        var stale = StaleSponsors.Matter(page) ? await StaleSponsors.ReadAsync(connection, page, cancellationToken) : [];

        var rows = new List<ListingRow>();
        if (!page.InNulls)
        {
            rows.AddRange(
                stale.Length > 0 ? await StaleSponsorsPage.ReadAsync(connection, page, stale, cancellationToken)
                : SponsorNamesPage.Fits(page) ? await SponsorNamesPage.ReadAsync(connection, page, cancellationToken)
                : QuickSearchPage.Fits(page) ? await QuickSearchPage.ReadAsync(connection, page, cancellationToken)
                : await IndexRangePage.ReadAsync(connection, page, cancellationToken));
        }

        if (stale.Length > 0)
        {
            page = page with { Filter = StaleSponsorsPage.Filter(page, stale) };
        }

        if (SponsorlessTail.Needed(page, rows.Count))
        {
            rows.AddRange(await SponsorlessTail.ReadAsync(connection, page, rows.Count, cancellationToken));
        }

        var hasMore = rows.Count > query.PageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var next = hasMore ? rows[^1].NextCursor(sort.ToString()) : null;
        var (total, estimate) = query.WithTotal ? await TeamListingCounts.CountAsync(connection, page.Filter, cancellationToken) : (-1L, true);
        var shown = await SponsorNamesShown.ApplyAsync(connection, [.. rows.Select(r => r.Item)], cancellationToken);
        return new TeamListingPage(shown, query.Page, query.PageSize, total, estimate, next);
    }

    private static ListingCursor? CursorOf(ListTeams query, SortSpec sort)
    {
        if (query.Cursor is null)
        {
            return null;
        }

        ListingCursor.TryDecode(query.Cursor, out var cursor);
        if (cursor!.Sort != sort.ToString())
        {
            throw new ValidationException([new ValidationFailure("cursor", $"cursor belongs to sort '{cursor.Sort}', not '{sort}'.")]);
        }

        return cursor;
    }
}
