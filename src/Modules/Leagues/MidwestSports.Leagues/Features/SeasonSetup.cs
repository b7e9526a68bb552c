using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Domain.Standings;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class SetLeagueSlotsValidator : AbstractValidator<SetLeagueSlots>
{
    public SetLeagueSlotsValidator()
    {
        RuleFor(x => x.Slots).NotNull().Must(s => s is null || s.Count <= 60).WithMessage("A league has at most 60 slots a night.");
        RuleForEach(x => x.Slots).NotNull().WithMessage("A slot is missing.").ChildRules(slot =>
        {
            slot.RuleFor(s => s.VenueId).NotEmpty();
            slot.RuleFor(s => s.Field).RequiredText(60);
            slot.RuleFor(s => s.DurationMinutes).InclusiveBetween(10, 360);
        });
        RuleFor(x => x.Slots).Must(s => s is null || s.Any(x => x is null) || s.DistinctBy(x => (x.VenueId, x.Field?.Trim(), x.Start)).Count() == s.Count)
            .WithMessage("The same field and start time is listed twice.");
    }
}

internal sealed class AddBlackoutValidator : AbstractValidator<AddBlackout>
{
    public AddBlackoutValidator()
    {
        RuleFor(x => x.Fields).NotNull();
        When(x => x.Fields is not null, () =>
        {
            RuleFor(x => x.Fields.Reason).RequiredText(120).OverridePropertyName("reason");
            RuleFor(x => x.Fields.Date).PlausibleDate().OverridePropertyName("date");
        });
    }
}

internal sealed class SetLeagueRulesValidator : AbstractValidator<SetLeagueRules>
{
    public SetLeagueRulesValidator()
    {
        RuleFor(x => x.Rules).NotNull();
        When(x => x.Rules is not null, () =>
        {
        RuleFor(x => x.Rules.ForfeitWinScore).InclusiveBetween(1, 100).OverridePropertyName("forfeitWinScore");
        RuleFor(x => x.Rules.ForfeitLossScore).InclusiveBetween(0, 100).OverridePropertyName("forfeitLossScore")
            .LessThan(x => x.Rules.ForfeitWinScore).WithMessage("The forfeit's losing score must be below its winning score.");
        RuleFor(x => x.Rules.TieBreakers).Cascade(CascadeMode.Stop).OptionalText(40).Must(n => n is not null && TieBreakerRuleSets.Find(n) is not null).OverridePropertyName("tieBreakers")
            .WithMessage(_ => $"Tie-breakers must be one of: {string.Join(", ", TieBreakerRuleSets.All.Select(r => r.Name))}.");
        RuleFor(x => x.Rules.DifferentialCap).InclusiveBetween(1, 100).When(x => x.Rules.DifferentialCap is not null).OverridePropertyName("differentialCap");
        });
    }
}

internal sealed class GetSeasonSetupHandler(LeaguesDbContext db, CurrentScope current) : IQueryHandler<GetSeasonSetup, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(GetSeasonSetup query, CancellationToken cancellationToken)
    {
        var league = await db.Leagues.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(l => l.Id == query.LeagueId, cancellationToken)
            ?? throw new NotFoundException("League", query.LeagueId);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}

internal sealed class SetLeagueSlotsHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<SetLeagueSlots, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(SetLeagueSlots command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var venueIds = command.Slots.Select(s => s.VenueId).Distinct().ToArray();
        var venues = await db.Venues.Where(v => venueIds.Contains(v.Id) && v.CityId == league.CityId).ToDictionaryAsync(v => v.Id, cancellationToken);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < command.Slots.Count; i++)
        {
            var slot = command.Slots[i];
            if (!venues.TryGetValue(slot.VenueId, out var venue))
            {
                failures.Add(new ValidationFailure($"slots[{i}].venueId", "The venue does not exist in the league's city."));
            }
            else if (!venue.Fields.Contains(slot.Field.Trim(), StringComparer.Ordinal))
            {
                failures.Add(new ValidationFailure($"slots[{i}].field", $"{venue.Name} has no field '{slot.Field.Trim()}' (it has {string.Join(", ", venue.Fields)})."));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        db.Slots.RemoveRange(await db.Slots.Where(s => s.LeagueId == league.Id).ToListAsync(cancellationToken));
        db.Slots.AddRange(command.Slots.Select(s => LeagueSlot.Create(league.Id, league.CityId, s.VenueId, s.Field, s.Start, s.DurationMinutes)));
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}

internal sealed class AddBlackoutHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<AddBlackout, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(AddBlackout command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var fields = command.Fields;
        if (fields.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.TeamId == teamId && t.LeagueId == league.Id && !t.Deleted, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("teamId", "The team is not in this league.")]);
        }

        if (await db.Blackouts.AnyAsync(b => b.LeagueId == league.Id && b.Date == fields.Date && b.TeamId == fields.TeamId, cancellationToken))
        {
            throw new ConflictException($"{fields.Date:yyyy-MM-dd} is already blacked out{(fields.TeamId is null ? string.Empty : " for that team")}.");
        }

        db.Blackouts.Add(Blackout.Create(league.Id, league.CityId, fields.TeamId, fields.Date, fields.Reason));
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}

internal sealed class RemoveBlackoutHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<RemoveBlackout, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(RemoveBlackout command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var blackout = await db.Blackouts.SingleOrDefaultAsync(b => b.Id == command.BlackoutId && b.LeagueId == league.Id, cancellationToken)
            ?? throw new NotFoundException("Blackout", command.BlackoutId);
        db.Blackouts.Remove(blackout);
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}

internal sealed class SetLeagueRulesHandler(LeaguesDbContext db, CurrentScope current) : ICommandHandler<SetLeagueRules, SeasonSetupDto>
{
    public async ValueTask<SeasonSetupDto> Handle(SetLeagueRules command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        var rules = command.Rules;
        league.SetRules(rules.ForfeitWinScore, rules.ForfeitLossScore, TieBreakerRuleSets.Find(rules.TieBreakers)!.Name, rules.DifferentialCap);
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonSetup.LoadAsync(db, league, cancellationToken);
    }
}

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
