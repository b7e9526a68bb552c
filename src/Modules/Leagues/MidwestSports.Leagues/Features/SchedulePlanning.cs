using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Scheduling;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Errors;
using MidwestSports.Teams.Contracts;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed record SchedulePlan(
    ScheduleResult Result, IReadOnlyList<Game> Replaced, int Kept, IReadOnlyDictionary<Guid, string> TeamNames, IReadOnlyDictionary<Guid, string> VenueNames, Guid LeagueId, Guid CityId)
{
    public SchedulePreviewDto ToPreview(bool committed) => new(
        committed,
        PlanId(),
        Kept,
        Replaced.Count,
        [.. Result.Games.Select(g => new GameDto(
            Guid.Empty, LeagueId, CityId, GameKind.Regular, g.Round, g.Date, g.Start, g.DurationMinutes, g.VenueId, VenueNames.GetValueOrDefault(g.VenueId), g.Field,
            g.HomeTeamId, Name(g.HomeTeamId), g.AwayTeamId, Name(g.AwayTeamId), GameStatus.Scheduled, null, null, null, null, 0))],
        [.. Result.Byes.Select(b => new ByeDto(b.Round, b.Date, b.TeamId, Name(b.TeamId)))],
        [.. Result.Unplaced.Select(u => new UnplacedGameDto(u.Round, u.HomeTeamId, Name(u.HomeTeamId), u.AwayTeamId, Name(u.AwayTeamId), Named(u.Reason)))]);

    /// <summary>A fingerprint of the planned games, so a commit can insist on saving exactly what was previewed.</summary>
    private string PlanId()
    {
        var text = string.Join('\n', Result.Games.Select(g => string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"{g.Round}|{g.Date:yyyy-MM-dd}|{g.Start:HH:mm}|{g.VenueId}|{g.Field}|{g.HomeTeamId}|{g.AwayTeamId}"))
            .Concat(Replaced.Select(g => g.Id.ToString())));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }

    private string Name(Guid teamId) => TeamNames.GetValueOrDefault(teamId, "(unknown team)");

    /// <summary>The planner speaks in ids; an admin reads names.</summary>
    private string Named(string reason) =>
        TeamNames.Aggregate(VenueNames.Aggregate(reason, (r, v) => r.Replace(v.Key.ToString(), v.Value, StringComparison.Ordinal)),
            (r, t) => r.Replace(t.Key.ToString(), t.Value, StringComparison.Ordinal));
}

internal static class SchedulePlanning
{
    /// <summary>
    /// Plans around what exists. A first plan may start in the past (a season entered mid-way from the old tool). A
    /// regeneration keeps every game with a result and every game of a night already gone (played, its score maybe
    /// not entered yet), and places new games only from today, after the last kept night.
    /// </summary>
    public static async Task<SchedulePlan> PlanAsync(
        LeaguesDbContext db, League league, ScheduleFormat format, DateOnly startDate, int weeks, DateOnly today, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id).ToListAsync(ct);
        var active = teams.Where(t => t.Active && !t.Deleted).OrderBy(t => t.TeamId).Select(t => t.TeamId).ToList();
        var slots = await db.Slots.AsNoTracking().Where(s => s.LeagueId == league.Id).ToListAsync(ct);
        var failures = new List<ValidationFailure>();
        if (active.Count < 2)
        {
            failures.Add(new ValidationFailure("teams", $"A schedule needs at least 2 active teams; {league.Name} has {active.Count}."));
        }

        if (slots.Count == 0)
        {
            failures.Add(new ValidationFailure("slots", "Add the league's time slots (venue, field, start time) before planning its schedule."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var nights = Nights(startDate, league.Night, weeks);
        var blackouts = await db.Blackouts.AsNoTracking().Where(b => b.LeagueId == league.Id).ToListAsync(ct);
        var existing = await db.Games.Where(g => g.LeagueId == league.Id && g.Kind == GameKind.Regular).ToListAsync(ct);
        var kept = existing.Where(g => g.HasResult || (g.Status == GameStatus.Scheduled && g.Date < today)).ToList();
        var replaced = existing.Except(kept).ToList();
        var venueIds = slots.Select(s => s.VenueId).Distinct().ToArray();
        var first = nights[0];
        var last = nights[^1];
        // Other leagues' games at the same venues, and this league's own dated playoff games, hold their fields.
        var occupied = await db.Games.AsNoTracking()
            .Where(g => (g.LeagueId != league.Id || g.Kind == GameKind.Playoff) && g.VenueId != null && venueIds.Contains(g.VenueId.Value) && g.Status != GameStatus.Cancelled
                && g.Date >= first && g.Date <= last && g.Start != null && g.Field != null)
            .Select(g => new OccupiedSlot(g.Date!.Value, g.VenueId!.Value, g.Field!, g.Start!.Value, g.DurationMinutes))
            .ToListAsync(ct);
        var input = new SchedulingLeague(
            league.Id,
            active,
            format == ScheduleFormat.Double ? RoundRobinFormat.Double : RoundRobinFormat.Single,
            nights,
            blackouts.Where(b => b.TeamId is null).Select(b => b.Date).ToHashSet(),
            blackouts.Where(b => b.TeamId is not null).GroupBy(b => b.TeamId!.Value)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<DateOnly>)g.Select(b => b.Date).ToHashSet()),
            [.. slots.OrderBy(s => s.Start).ThenBy(s => s.VenueId).ThenBy(s => s.Field, StringComparer.Ordinal)
                .Select(s => new SlotTemplate(s.VenueId, s.Field, s.Start, s.DurationMinutes))],
            [.. kept.Where(g => g.Date is not null).Select(g => new KeptGame(g.HomeTeamId, g.AwayTeamId, g.Date!.Value, g.VenueId, g.Field, g.Start, g.DurationMinutes))],
            NotBefore(existing.Count > 0, kept, today));
        var result = SeasonScheduler.Plan(new ScheduleInput([input], occupied));
        var venueNames = await db.Venues.AsNoTracking().Where(v => v.CityId == league.CityId).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        return new SchedulePlan(result, replaced, kept.Count, teams.ToDictionary(t => t.TeamId, t => t.Name), venueNames, league.Id, league.CityId);
    }

    private static DateOnly? NotBefore(bool regenerating, IReadOnlyList<Game> kept, DateOnly today)
    {
        if (!regenerating)
        {
            return null;
        }

        var afterKept = kept.Where(g => g.Date is not null).Select(g => g.Date!.Value.AddDays(1)).DefaultIfEmpty(today).Max();
        return afterKept > today ? afterKept : today;
    }

    /// <summary>The league's nights: the first on or after the start date that falls on the league's night, then weekly.</summary>
    public static IReadOnlyList<DateOnly> Nights(DateOnly startDate, DayOfWeek night, int weeks)
    {
        var first = startDate.AddDays(((int)night - (int)startDate.DayOfWeek + 7) % 7);
        return [.. Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w))];
    }
}
