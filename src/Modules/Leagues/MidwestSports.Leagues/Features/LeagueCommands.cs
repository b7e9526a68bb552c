using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Leagues.Domain;
using MidwestSports.Leagues.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Leagues.Features;

internal sealed class LeagueFieldsValidator : AbstractValidator<LeagueFields>
{
    public LeagueFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(120);
        RuleFor(x => x.Sport).RequiredText(40)
            .Must(s => League.Sports.Contains(s?.Trim(), StringComparer.OrdinalIgnoreCase))
            .WithMessage($"Sport must be one of: {string.Join(", ", League.Sports)}.");
        RuleFor(x => x.CityId).NotEmpty();
        RuleFor(x => x.SeasonYear).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Term).IsInEnum();
        RuleFor(x => x.Night).IsInEnum();
        RuleFor(x => x.Level).RequiredText(60);
        RuleFor(x => x.Status).IsInEnum();
    }
}

internal sealed class CreateLeagueValidator : AbstractValidator<CreateLeague>
{
    public CreateLeagueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new LeagueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdateLeagueValidator : AbstractValidator<UpdateLeague>
{
    public UpdateLeagueValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new LeagueFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class CreateLeagueHandler(LeaguesDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<CreateLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(CreateLeague command, CancellationToken cancellationToken)
    {
        var fields = command.Fields;
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, fields.CityId, cancellationToken);
        await LeagueGuards.EnsureUniqueAsync(db, null, fields, cancellationToken);
        var league = League.Create(fields, time.GetUtcNow());
        db.Leagues.Add(league);
        db.AddToOutbox(league.ToChanged(LeagueChange.Created), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LeagueRows.ToDto(league, city.Name);
    }
}

internal sealed class UpdateLeagueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<UpdateLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(UpdateLeague command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        preconditions.Verify("League", league.Version, command.Fields.Version);
        var city = await LeagueGuards.CityForWriteAsync(db, current.Scope, command.Fields.CityId, cancellationToken);
        await LeagueGuards.EnsureUniqueAsync(db, league.Id, command.Fields, cancellationToken);
        var change = league.Update(command.Fields);
        db.AddToOutbox(league.ToChanged(change), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LeagueRows.ToDto(league, city.Name);
    }
}

internal sealed class ArchiveLeagueHandler(LeaguesDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<ArchiveLeague, LeagueDto>
{
    public async ValueTask<LeagueDto> Handle(ArchiveLeague command, CancellationToken cancellationToken)
    {
        var league = await LeagueGuards.LeagueForWriteAsync(db, current.Scope, command.LeagueId, cancellationToken);
        preconditions.Verify("League", league.Version, bodyVersion: null);
        if (league.Status != LeagueStatus.Archived)
        {
            league.Archive();
            db.AddToOutbox(league.ToChanged(LeagueChange.Archived), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        var cityName = await db.Cities.Where(c => c.Id == league.CityId).Select(c => c.Name).SingleAsync(cancellationToken);
        return LeagueRows.ToDto(league, cityName);
    }
}

internal static class LeagueGuards
{
    /// <summary>A league outside the caller's cities does not exist for them (404); a viewer may not write (403).</summary>
    public static async Task<League> LeagueForWriteAsync(LeaguesDbContext db, CityScope scope, Guid leagueId, CancellationToken ct)
    {
        var league = await db.Leagues.InScope(scope).SingleOrDefaultAsync(l => l.Id == leagueId, ct)
            ?? throw new NotFoundException("League", leagueId);
        scope.EnsureCanWrite();
        return league;
    }

    /// <summary>Creating in, or moving to, a city the caller does not hold is forbidden (403); an unknown city is a field error.</summary>
    public static async Task<City> CityForWriteAsync(LeaguesDbContext db, CityScope scope, Guid cityId, CancellationToken ct)
    {
        scope.EnsureCanWriteIn(cityId);
        return await db.Cities.SingleOrDefaultAsync(c => c.Id == cityId, ct)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("cityId", "The city does not exist.")]);
    }

    public static async Task EnsureUniqueAsync(LeaguesDbContext db, Guid? leagueId, LeagueFields fields, CancellationToken ct)
    {
        var key = NameKeys.Of(fields.Name);
        if (await db.Leagues.AnyAsync(
                l => l.Id != leagueId && l.CityId == fields.CityId && l.SeasonYear == fields.SeasonYear && l.Term == fields.Term && EF.Property<string>(l, NameKeys.Column) == key,
                ct))
        {
            throw new ConflictException($"A league named '{fields.Name.Trim()}' already exists in that city for {fields.Term} {fields.SeasonYear}.", "name");
        }
    }
}
