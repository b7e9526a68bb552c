using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Sponsors.Domain;
using MidwestSports.Sponsors.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Sponsors.Features;

internal sealed class SponsorFieldsValidator : AbstractValidator<SponsorFields>
{
    public SponsorFieldsValidator(ICityDirectory cities)
    {
        RuleFor(x => x.Name).RequiredText(120).WithName("Business name");
        RuleFor(x => x.ContactName).OptionalText(120).WithName("Contact name");
        RuleFor(x => x.Email).OptionalText(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Phone).OptionalText(40).Matches(@"^[0-9+().\- x]*$").WithMessage("Phone may hold digits, spaces and + ( ) - . x only.");
        RuleFor(x => x.Website).OptionalText(300)
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage("Website must be a web address starting with http:// or https://.");
        RuleFor(x => x.CityIds).NotEmpty().WithMessage("Choose at least one city the sponsor operates in.")
            .MustAsync(async (ids, ct) => ids is null || (await cities.ExistingAsync([.. ids], ct)).Count == ids.Distinct().Count())
            .WithMessage("Every city must exist.");
    }
}

internal sealed class CreateSponsorValidator : AbstractValidator<CreateSponsor>
{
    public CreateSponsorValidator(ICityDirectory cities) =>
        RuleFor(x => x.Fields).NotNull().SetValidator(new SponsorFieldsValidator(cities)).OverridePropertyName(string.Empty);
}

internal sealed class UpdateSponsorValidator : AbstractValidator<UpdateSponsor>
{
    public UpdateSponsorValidator(ICityDirectory cities) =>
        RuleFor(x => x.Fields).NotNull().SetValidator(new SponsorFieldsValidator(cities)).OverridePropertyName(string.Empty);
}

internal sealed class CreateSponsorHandler(SponsorsDbContext db, CurrentScope current, TimeProvider time) : ICommandHandler<CreateSponsor, SponsorDto>
{
    public async ValueTask<SponsorDto> Handle(CreateSponsor command, CancellationToken cancellationToken)
    {
        foreach (var city in command.Fields.CityIds)
        {
            current.Scope.EnsureCanWriteIn(city);
        }

        var sponsor = Sponsor.Create(command.Fields, time.GetUtcNow());
        db.Sponsors.Add(sponsor);
        db.AddToOutbox(sponsor.ToChanged(SponsorChange.Created), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return sponsor.ToDto();
    }
}

internal sealed class UpdateSponsorHandler(SponsorsDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<UpdateSponsor, SponsorDto>
{
    public async ValueTask<SponsorDto> Handle(UpdateSponsor command, CancellationToken cancellationToken)
    {
        var sponsor = await SponsorAccess.ForWriteAsync(db, current.Scope, command.SponsorId, cancellationToken);
        preconditions.Verify("Sponsor", sponsor.Version, command.Fields.Version);
        foreach (var city in command.Fields.CityIds)
        {
            current.Scope.EnsureCanWriteIn(city);
        }

        var change = sponsor.Update(command.Fields);
        db.AddToOutbox(sponsor.ToChanged(change), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return sponsor.ToDto();
    }
}

internal sealed class DeactivateSponsorHandler(SponsorsDbContext db, CurrentScope current, EditPreconditions preconditions, TimeProvider time) : ICommandHandler<DeactivateSponsor, SponsorDto>
{
    public async ValueTask<SponsorDto> Handle(DeactivateSponsor command, CancellationToken cancellationToken)
    {
        var sponsor = await SponsorAccess.ForWriteAsync(db, current.Scope, command.SponsorId, cancellationToken);
        preconditions.Verify("Sponsor", sponsor.Version, bodyVersion: null);
        if (sponsor.Active)
        {
            sponsor.Deactivate();
            db.AddToOutbox(sponsor.ToChanged(SponsorChange.Deactivated), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return sponsor.ToDto();
    }
}

internal sealed class SponsorDirectory(SponsorsDbContext db) : ISponsorDirectory
{
    public async Task<SponsorFacts?> FindAsync(Guid sponsorId, CancellationToken cancellationToken)
    {
        var sponsor = await db.Sponsors.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sponsorId, cancellationToken);
        return sponsor is null ? null : new SponsorFacts(sponsor.Id, sponsor.Name, sponsor.Active, sponsor.CityIds, sponsor.Version);
    }

    public async Task<IReadOnlyList<SponsorFacts>> AllAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Sponsors.AsNoTracking().IgnoreAutoIncludes()
            .Select(s => new { s.Id, s.Name, s.Active, s.Version })
            .ToListAsync(cancellationToken);
        var cities = (await db.Set<SponsorCity>().AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(c => c.SponsorId, c => c.CityId);
        return [.. rows.Select(r => new SponsorFacts(r.Id, r.Name, r.Active, [.. cities[r.Id].Order()], r.Version))];
    }

    public async Task<IReadOnlyList<SponsorDto>> DetailsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Sponsors.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken)).Select(s => s.ToDto())];
}
