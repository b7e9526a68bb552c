using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Trivia.Contracts;
using MidwestSports.Trivia.Domain;
using MidwestSports.Trivia.Persistence;

namespace MidwestSports.Trivia.Sync;

/// <summary>What applying a batch of nights did.</summary>
internal sealed class ApplyCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Voided { get; set; }

    public int NightsHeld { get; set; }

    public HashSet<Guid> NewUnmatchedTeams { get; } = [];

    public HashSet<Guid> NewUnmatchedVenues { get; } = [];

    /// <summary>Teams whose standings may have moved (their leagues are told).</summary>
    public HashSet<Guid> TouchedTeams { get; } = [];

    /// <summary>The same figures per city of the night's venue (<see cref="Guid.Empty"/>: a venue not linked yet), so a city admin sees their cities' part of a run.</summary>
    public Dictionary<Guid, CityFigures> ByCity { get; } = [];

    public CityFigures In(Guid? cityId)
    {
        var key = cityId ?? Guid.Empty;
        if (!ByCity.TryGetValue(key, out var figures))
        {
            figures = new CityFigures();
            ByCity[key] = figures;
        }

        return figures;
    }
}

/// <summary>
/// Applies validated nights idempotently: a night is keyed by (partner, eventId) and a result by partner team id; an
/// unchanged event touches nothing, an older one never replaces a newer one, void takes a night out of the standings
/// (kept in history). Partner venues and teams resolve through their links; what no link or exact name match
/// resolves is queued for review, and its results wait in the night until a decision applies them.
/// </summary>
internal sealed class NightApplier(TriviaDbContext db, TimeProvider time)
{
    public async Task<ApplyCounts> ApplyAsync(string partner, IReadOnlyList<ValidatedNight> nights, MidwestCandidates candidates, CancellationToken ct)
    {
        var counts = new ApplyCounts();
        var now = time.GetUtcNow();
        var eventIds = nights.Select(n => n.EventId).ToArray();
        // Most nights of a run are unchanged (the look-back window is re-read every day): compare hashes on a light,
        // untracked read, and track with their results only the nights that change.
        var stored = await db.Nights.AsNoTracking().Where(n => n.Partner == partner && eventIds.Contains(n.EventId))
            .Select(n => new { n.EventId, n.PayloadHash, n.LastModified, n.CityId, Results = n.Results.Count })
            .ToDictionaryAsync(n => n.EventId, ct);
        var changing = new List<(ValidatedNight Incoming, string Hash)>();
        foreach (var incoming in nights)
        {
            var hash = Hash(incoming);
            if (stored.TryGetValue(incoming.EventId, out var known) && (known.PayloadHash == hash || incoming.LastModified < known.LastModified))
            {
                counts.Unchanged += known.Results;
                counts.In(known.CityId).Unchanged += known.Results;
                counts.In(known.CityId).Events++;
                continue;
            }

            changing.Add((incoming, hash));
        }

        var changedIds = changing.Select(c => c.Incoming.EventId).Where(stored.ContainsKey).ToArray();
        var existing = await db.Nights.Include(n => n.Results).Where(n => n.Partner == partner && changedIds.Contains(n.EventId))
            .ToDictionaryAsync(n => n.EventId, ct);
        var links = await db.Links.Where(l => l.Partner == partner).ToListAsync(ct);
        var venueLinks = links.Where(l => l.Kind == UnmatchedKind.Venue).ToDictionary(l => l.PartnerId);
        var teamLinks = links.Where(l => l.Kind == UnmatchedKind.Team).ToDictionary(l => (l.Season, l.PartnerId));
        var arriving = new List<TriviaNight>();

        foreach (var (incoming, hash) in changing)
        {
            var venue = ResolveVenue(partner, incoming, candidates, venueLinks, counts, now);
            existing.TryGetValue(incoming.EventId, out var night);
            var isNew = night is null;
            if (night is null)
            {
                // A night we never had: written in bulk below, not tracked one row at a time.
                night = new TriviaNight { Id = Guid.CreateVersion7(now), Partner = partner, EventId = incoming.EventId };
                arriving.Add(night);
                existing[incoming.EventId] = night;
            }

            var wasVoid = night.Status == TriviaNightStatus.Void && night.PayloadHash.Length > 0;
            night.Status = incoming.Status;
            night.LastModified = incoming.LastModified;
            night.Season = incoming.Season;
            night.Week = incoming.Week;
            night.GameType = incoming.GameType;
            night.Date = incoming.Date;
            night.StartTime = incoming.StartTime;
            night.PartnerVenueId = incoming.PartnerVenueId;
            night.VenueName = incoming.VenueName;
            night.CityName = incoming.CityName;
            night.VenueId = venue?.TargetId;
            night.CityId = venue?.CityId;
            night.Held = incoming.Problems.Count > 0;
            night.Flags = [.. incoming.Problems.Select(p => "held: " + p), .. incoming.Warnings];
            night.PayloadHash = hash;
            night.ReceivedAt = now;
            counts.NightsHeld += night.Held ? 1 : 0;
            counts.In(night.CityId).Events++;
            counts.In(night.CityId).NightsHeld += night.Held ? 1 : 0;
            if (incoming.Status == TriviaNightStatus.Void && !wasVoid)
            {
                counts.Voided += Math.Max(incoming.Results.Count, night.Results.Count);
                counts.In(night.CityId).Voided += Math.Max(incoming.Results.Count, night.Results.Count);
            }

            ApplyResults(partner, night, incoming, candidates, teamLinks, counts, now, tracked: !isNew);
        }

        // The tracked changes and the copied nights commit together: in the caller's transaction, else in one of our own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await NightCopy.WriteAsync(db, arriving, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return counts;
    }

    private void ApplyResults(string partner, TriviaNight night, ValidatedNight incoming, MidwestCandidates candidates,
        Dictionary<(string, string), PartnerLink> teamLinks, ApplyCounts counts, DateTimeOffset now, bool tracked)
    {
        var byTeam = night.Results.ToDictionary(r => r.PartnerTeamId);
        foreach (var r in incoming.Results.DistinctBy(r => r.PartnerTeamId))
        {
            var link = ResolveTeam(partner, night, r, candidates, teamLinks, counts, now);
            var teamId = link is { Status: LinkStatus.Linked } ? link.TargetId : null;
            var fresh = new TriviaResult
            {
                Id = Guid.CreateVersion7(now), NightId = night.Id, PartnerTeamId = r.PartnerTeamId, TeamName = r.TeamName,
                Rounds = r.Rounds, Bonus = r.Bonus, Total = r.Total, Rank = r.Rank, TeamId = teamId,
            };
            if (byTeam.Remove(r.PartnerTeamId, out var current))
            {
                if (current.SameAs(fresh) && current.TeamId == teamId)
                {
                    counts.Unchanged++;
                    counts.In(night.CityId).Unchanged++;
                    continue;
                }

                current.TeamName = fresh.TeamName;
                current.Rounds = fresh.Rounds;
                current.Bonus = fresh.Bonus;
                current.Total = fresh.Total;
                current.Rank = fresh.Rank;
                current.TeamId = teamId;
                counts.Updated++;
                counts.In(night.CityId).Updated++;
            }
            else
            {
                night.Results.Add(fresh);
                if (tracked)
                {
                    db.Results.Add(fresh);
                }

                counts.Created++;
                counts.In(night.CityId).Created++;
            }

            if (teamId is { } id)
            {
                counts.TouchedTeams.Add(id);
            }
        }

        // A correction that drops a team: its result goes (the night as the partner now reports it is the truth).
        foreach (var dropped in byTeam.Values)
        {
            night.Results.Remove(dropped);
            db.Results.Remove(dropped);
            counts.Updated++;
            counts.In(night.CityId).Updated++;
            if (dropped.TeamId is { } id)
            {
                counts.TouchedTeams.Add(id);
            }
        }

        if (night.Status == TriviaNightStatus.Void || night.Held)
        {
            foreach (var id in night.Results.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value))
            {
                counts.TouchedTeams.Add(id);
            }
        }
    }

    private PartnerLink? ResolveVenue(string partner, ValidatedNight night, MidwestCandidates candidates, Dictionary<string, PartnerLink> links, ApplyCounts counts, DateTimeOffset now)
    {
        if (night.PartnerVenueId.Length == 0)
        {
            return null;
        }

        if (!links.TryGetValue(night.PartnerVenueId, out var link))
        {
            var cityId = candidates.CityNamed(night.CityName);
            var exact = candidates.ExactVenue(cityId, night.VenueName);
            link = new PartnerLink
            {
                Id = Guid.CreateVersion7(now), Kind = UnmatchedKind.Venue, Partner = partner, Season = string.Empty, PartnerId = night.PartnerVenueId,
                Name = night.VenueName, CityName = night.CityName, CityId = exact?.CityId ?? cityId, CreatedAt = now,
                Status = exact is null ? LinkStatus.Pending : LinkStatus.Linked, TargetId = exact?.VenueId, DecidedAt = exact is null ? null : now,
                DecidedBy = exact is null ? null : "exact name",
            };
            db.Links.Add(link);
            links[night.PartnerVenueId] = link;
            if (exact is null)
            {
                counts.NewUnmatchedVenues.Add(link.Id);
            }
        }

        return link.Status == LinkStatus.Linked ? link : null;
    }

    private PartnerLink ResolveTeam(string partner, TriviaNight night, ValidatedResult result, MidwestCandidates candidates,
        Dictionary<(string, string), PartnerLink> links, ApplyCounts counts, DateTimeOffset now)
    {
        if (!links.TryGetValue((night.Season, result.PartnerTeamId), out var link))
        {
            var exact = candidates.ExactTeam(night.CityId, result.TeamName);
            link = new PartnerLink
            {
                Id = Guid.CreateVersion7(now), Kind = UnmatchedKind.Team, Partner = partner, Season = night.Season, PartnerId = result.PartnerTeamId,
                Name = result.TeamName, CityName = night.CityName, CityId = night.CityId, CreatedAt = now,
                Status = exact is null ? LinkStatus.Pending : LinkStatus.Linked, TargetId = exact?.TeamId, DecidedAt = exact is null ? null : now,
                DecidedBy = exact is null ? null : "exact name",
            };
            db.Links.Add(link);
            links[(night.Season, result.PartnerTeamId)] = link;
            if (exact is null)
            {
                counts.NewUnmatchedTeams.Add(link.Id);
            }
        }
        else if (link.Status == LinkStatus.Pending && link.CityId is null && night.CityId is not null)
        {
            // The venue was linked since: the team now has a city, and perhaps an exact match in it.
            link.CityId = night.CityId;
            if (candidates.ExactTeam(night.CityId, link.Name) is { } exact)
            {
                link.LinkTo(exact.TeamId, now, "exact name");
            }
        }

        return link;
    }

    /// <summary>SHA-256 of the night as validated: the same event sent again (in any page, any run) hashes the same.</summary>
    private static string Hash(ValidatedNight night) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(night)))).ToLowerInvariant();
}
