using Mediator;
using MidwestSports.Leagues.Contracts;
using MidwestSports.PublicSite.Caching;
using MidwestSports.PublicSite.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using static MidwestSports.PublicSite.Changes.ChangeRecorder;

namespace MidwestSports.PublicSite.Changes;

// One handler per kind of change the public site shows. Only published leagues' changes enter the feed (a draft's
// ids never leave the platform); a league leaving the public site enters it once, as "unpublished".

internal sealed class CityChangedRecorder(ChangeRecorder recorder, TimeProvider time) : INotificationHandler<CityChanged>
{
    // A city's name and zone are on nearly every answer: all of them go.
    public async ValueTask Handle(CityChanged e, CancellationToken ct) =>
        await recorder.RecordAsync(e, nameof(CityChangedRecorder), [PublicCache.All], [Row("city", e.CityId, null, e.Version == 1 ? "created" : "updated", time.GetUtcNow())], ct);
}

internal sealed class LeagueChangedRecorder(ChangeRecorder recorder, TimeProvider time) : INotificationHandler<LeagueChanged>
{
    public async ValueTask Handle(LeagueChanged e, CancellationToken ct)
    {
        var published = e.PublicVisible && e.Status is LeagueStatus.Registration or LeagueStatus.Active or LeagueStatus.Completed;
        // A draft's id never enters the feed, not even as "unpublished" (a league sent back to Draft answers 404 when next read).
        IReadOnlyCollection<ChangeLogEntry> rows = e.Status == LeagueStatus.Draft ? []
            : [Row("league", e.LeagueId, e.LeagueId, published ? "updated" : "unpublished", time.GetUtcNow())];
        // Its name is on its city's list, its teams' pages and (moved) another city's list: every answer goes.
        await recorder.RecordAsync(e, nameof(LeagueChangedRecorder), [PublicCache.All], rows, ct);
    }
}

internal sealed class LeagueContentRecorder(ChangeRecorder recorder, ISender sender) : INotificationHandler<LeagueContentChanged>
{
    public async ValueTask Handle(LeagueContentChanged e, CancellationToken ct)
    {
        var rows = new List<ChangeLogEntry>();
        if (await sender.Send(new IsLeaguePublic(e.LeagueId), ct))
        {
            rows.AddRange(e.Games.Select(g => Row("game", g.Id, e.LeagueId, g.Change.ToString().ToLowerInvariant(), e.At)));
            if (e.Games.Count > 0 || e.SetupChanged)
            {
                rows.Add(Row("standings", e.LeagueId, e.LeagueId, "updated", e.At));
            }

            if (e.BracketChanged)
            {
                rows.Add(Row("bracket", e.LeagueId, e.LeagueId, "updated", e.At));
            }

            if (e.SetupChanged)
            {
                rows.Add(Row("league", e.LeagueId, e.LeagueId, "updated", e.At));
            }
        }

        await recorder.RecordAsync(e, nameof(LeagueContentRecorder), [PublicCache.League(e.LeagueId)], rows, ct);
    }
}

internal sealed class VenueChangedRecorder(ChangeRecorder recorder) : INotificationHandler<VenueChanged>
{
    public async ValueTask Handle(VenueChanged e, CancellationToken ct) =>
        await recorder.RecordAsync(e, nameof(VenueChangedRecorder), [PublicCache.Venue(e.VenueId)], [Row("venue", e.VenueId, null, e.Change.ToString().ToLowerInvariant(), e.At)], ct);
}

internal sealed class TeamChangedRecorder(ChangeRecorder recorder, ISender sender, TimeProvider time) : INotificationHandler<TeamChanged>
{
    // The team's own page (its sponsor is read from the Teams module, already committed); its name in schedules and
    // standings follows when the Leagues module's replica has it (LeagueContentChanged).
    public async ValueTask Handle(TeamChanged e, CancellationToken ct)
    {
        IReadOnlyCollection<ChangeLogEntry> rows = await sender.Send(new IsLeaguePublic(e.LeagueId), ct)
            ? [TeamRow(e, time.GetUtcNow())]
            : [];
        await recorder.RecordAsync(e, nameof(TeamChangedRecorder), [PublicCache.Team(e.TeamId)], rows, ct);
    }
}

internal sealed class TeamsChangedRecorder(ChangeRecorder recorder, ISender sender, TimeProvider time) : INotificationHandler<TeamsChanged>
{
    // TeamChangedRecorder for an import's batch: whether each league is public asked once for all, one feed write.
    public async ValueTask Handle(TeamsChanged e, CancellationToken ct)
    {
        var published = await sender.Send(new PublicLeaguesAmong([.. e.Teams.Select(t => t.LeagueId).Distinct()]), ct);
        var now = time.GetUtcNow();
        var rows = e.Teams.Where(t => published.Contains(t.LeagueId))
            .Select(t => TeamRow(t, now))
            .ToList();
        await recorder.RecordAsync(e, nameof(TeamsChangedRecorder), [.. e.Teams.Select(t => PublicCache.Team(t.TeamId))], rows, ct);
    }
}

internal sealed class SponsorChangedRecorder(ChangeRecorder recorder, TimeProvider time) : INotificationHandler<SponsorChanged>
{
    // A sponsor's name shows on its teams' pages; contact details are never public, so only a rename or an end matters.
    public async ValueTask Handle(SponsorChanged e, CancellationToken ct)
    {
        IReadOnlyCollection<ChangeLogEntry> rows = e.Change is SponsorChange.Renamed or SponsorChange.Deactivated or SponsorChange.Reactivated
            ? [Row("sponsor", e.SponsorId, null, "updated", time.GetUtcNow())]
            : [];
        await recorder.RecordAsync(e, nameof(SponsorChangedRecorder), [PublicCache.Sponsor(e.SponsorId)], rows, ct);
    }
}

internal sealed class TriviaStandingsRecorder(ChangeRecorder recorder, ISender sender) : INotificationHandler<TriviaStandingsChanged>
{
    public async ValueTask Handle(TriviaStandingsChanged e, CancellationToken ct)
    {
        IReadOnlyCollection<ChangeLogEntry> rows = await sender.Send(new IsLeaguePublic(e.LeagueId), ct)
            ? [Row("trivia-standings", e.LeagueId, e.LeagueId, "updated", e.At)]
            : [];
        await recorder.RecordAsync(e, nameof(TriviaStandingsRecorder), [PublicCache.League(e.LeagueId)], rows, ct);
    }
}
