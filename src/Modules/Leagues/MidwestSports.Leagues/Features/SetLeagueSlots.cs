using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class SetLeagueSlotsValidator : AbstractValidator<SetLeagueSlots>
{
    public SetLeagueSlotsValidator()
    {
        RuleFor(x => x.Slots).NotNull().Must(s => s is null || s.Count <= 60).WithMessage("A league has at most 60 slots a night.");
        RuleForEach(x => x.Slots).NotNull().WithMessage("A slot is missing.").ChildRules(slot =>
        {
            slot.RuleFor(s => s.VenueId).NotEmpty().WithMessage("Choose the slot's venue.");
            slot.RuleFor(s => s.Field).RequiredText(60);
            slot.RuleFor(s => s.DurationMinutes).InclusiveBetween(10, 360).WithName("Minutes");
        });
        RuleFor(x => x.Slots).Must(s => s is null || s.Any(x => x is null) || s.DistinctBy(x => (x.VenueId, x.Field?.Trim(), x.Start)).Count() == s.Count)
            .WithMessage("The same field and start time is listed twice.");
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
