using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal static class SeasonSetup
{
    public static async Task<SeasonSetupDto> LoadAsync(LeaguesDbContext db, League league, CancellationToken ct)
    {
        var timeZone = await db.Cities.Where(c => c.Id == league.CityId).Select(c => c.TimeZone).SingleAsync(ct);
        var slots = await db.Slots.AsNoTracking().Where(s => s.LeagueId == league.Id)
            .Join(db.Venues, s => s.VenueId, v => v.Id, (s, v) => new SlotDto(s.VenueId, v.Name, s.Field, s.Start, s.DurationMinutes))
            .ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeagueId == league.Id && !t.Deleted).OrderBy(t => t.Name)
            .Select(t => new LeagueTeamDto(t.TeamId, t.Name, t.Active)).ToListAsync(ct);
        var names = teams.ToDictionary(t => t.TeamId, t => t.Name);
        var blackouts = await db.Blackouts.AsNoTracking().Where(b => b.LeagueId == league.Id).OrderBy(b => b.Date).ToListAsync(ct);
        return new SeasonSetupDto(
            league.Id,
            league.Name,
            league.CityId,
            league.Night,
            timeZone,
            [.. slots.OrderBy(s => s.VenueName).ThenBy(s => s.Start).ThenBy(s => s.Field, StringComparer.Ordinal)],
            [.. blackouts.Select(b => new BlackoutDto(b.Id, b.Date, b.TeamId, b.TeamId is { } t ? names.GetValueOrDefault(t) : null, b.Reason))],
            new LeagueRulesFields(league.ForfeitWinScore, league.ForfeitLossScore, league.TieBreakers, league.DifferentialCap),
            [.. TieBreakerRuleSets.All.Select(ToDto)],
            teams);
    }

    public static TieBreakerRuleSetDto ToDto(TieBreakerRuleSet rules) =>
        new(rules.Name, rules.Title, [.. rules.TwoTeam.Select(TieBreakerRuleSets.Describe)], [.. rules.MultiTeam.Select(TieBreakerRuleSets.Describe)]);
}
