using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Persistence;
using MidwestSports.Trivia.Sync;

namespace MidwestSports.Trivia.Upload;

/// <summary>What running an upload through the pipeline did (or, rolled back, would do).</summary>
internal sealed record UploadOutcome(TriviaUploadFiguresDto Figures, IReadOnlyList<TriviaUploadMessageDto> Messages, IReadOnlyList<Guid> CityIds, IReadOnlySet<Guid> TouchedTeams, MidwestCandidates Candidates);

/// <summary>
/// An upload goes through the sync's own pipeline: rows become feed events, <see cref="NightValidation"/> checks them
/// and <see cref="NightApplier"/> applies them as partner "feed-v1", so an uploaded night and a synced night are the
/// same row. Only nights of the caller's cities go through; the caller owns the transaction (a preview rolls it back).
/// </summary>
internal sealed class UploadPipeline(TriviaDbContext db, NightApplier applier, IVenueDirectory venues, ILeagueDirectory leagues, ITeamDirectory teams)
{
    /// <summary>The partner an uploaded night belongs to: the feed's, because the file is the feed's export.</summary>
    public const string Partner = "feed-v1";

    public async Task<UploadOutcome> RunAsync(IReadOnlyList<UploadedRow> rows, DateTimeOffset uploadedAt, CityScope scope, CancellationToken ct)
    {
        var candidates = await MidwestCandidates.LoadAsync(venues, leagues, teams, ct);
        var eventIds = rows.Select(r => r.EventId).Where(id => id.Length > 0).Distinct().ToArray();
        var known = await db.Nights.AsNoTracking().Where(n => n.Partner == Partner && eventIds.Contains(n.EventId))
            .Select(n => new { n.EventId, n.Season, n.Week, n.GameType }).ToDictionaryAsync(n => n.EventId, ct);
        // A file without a season column: the season the partner's latest night was in (partner team ids are per season).
        var latestSeason = await db.Nights.AsNoTracking().Where(n => n.Partner == Partner).OrderByDescending(n => n.Date).Select(n => n.Season).FirstOrDefaultAsync(ct);
        var (events, messages) = NightRows.ToEvents(rows, uploadedAt,
            id => known.TryGetValue(id, out var k) ? (k.Season, k.Week, k.GameType) : latestSeason is null ? null : (latestSeason, 0, "regular"));
        var all = messages.ToList();
        var firstRow = rows.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.First().Number);
        var venueCities = await db.Links.AsNoTracking().Where(l => l.Partner == Partner && l.Kind == UnmatchedKind.Venue && l.CityId != null)
            .ToDictionaryAsync(l => l.PartnerId, l => l.CityId, ct);

        var nights = new List<ValidatedNight>();
        var cities = new HashSet<Guid>();
        foreach (var e in events)
        {
            var night = NightValidation.Validate(e)!;
            var row = firstRow[night.EventId];
            var city = venueCities.GetValueOrDefault(night.PartnerVenueId) ?? candidates.CityNamed(night.CityName);
            if (city is { } cityId)
            {
                cities.Add(cityId);
            }

            if (city is null ? !scope.AllCities : !scope.Includes(city.Value))
            {
                all.Add(new TriviaUploadMessageDto(row, "city", $"Night {night.EventId} is in {(city is null ? $"'{night.CityName}', a city not known yet" : night.CityName)}, not one of your cities: not applied.", true));
                continue;
            }

            all.AddRange(night.Problems.Select(p => new TriviaUploadMessageDto(row, null, $"Night {night.EventId} will be held for review: {p}.", false)));
            all.AddRange(night.Warnings.Select(w => new TriviaUploadMessageDto(row, null, $"Night {night.EventId}: {w}.", false)));
            nights.Add(night);
        }

        var counts = await applier.ApplyAsync(Partner, nights, candidates, ct);
        var figures = new TriviaUploadFiguresDto(nights.Count, counts.Created, counts.Updated, counts.Unchanged, counts.Voided, counts.NightsHeld,
            eventIds.Length - nights.Count, counts.NewUnmatchedTeams.Count + counts.NewUnmatchedVenues.Count);
        return new UploadOutcome(figures, [.. all.OrderBy(m => m.Row)], [.. cities], counts.TouchedTeams, candidates);
    }

    /// <summary>An upload is applied while no sync runs (it waits for one to end; a sync started meanwhile does not run): the sync's advisory lock, for this transaction.</summary>
    public async Task LockAgainstSyncAsync(CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TriviaSync.LockKey], ct);
}
