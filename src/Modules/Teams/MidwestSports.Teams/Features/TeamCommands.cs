using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;
using MidwestSports.Sponsors.Contracts;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Listing;
using MidwestSports.Teams.Persistence;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Teams.Features;

internal sealed class TeamFieldsValidator : AbstractValidator<TeamFields>
{
    public TeamFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(100).WithName("Team name");
        RuleFor(x => x.LeagueId).NotEmpty().WithMessage("Choose the team's league.");
        RuleFor(x => x.CaptainName).RequiredText(100).WithName("Captain");
        RuleFor(x => x.CaptainEmail).OptionalText(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.CaptainEmail)).WithName("Captain email");
        RuleFor(x => x.CaptainPhone).OptionalText(40).Matches(@"^[0-9+().\- x]*$").WithMessage("Captain phone may hold only digits, spaces and + ( ) - . x.").WithName("Captain phone");
        RuleFor(x => x.RosterSize).InclusiveBetween(0, 60).WithName("Roster size");
        RuleFor(x => x.Status).IsInEnum();
    }
}

internal sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public CreateTeamValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new TeamFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class UpdateTeamValidator : AbstractValidator<UpdateTeam>
{
    public UpdateTeamValidator() => RuleFor(x => x.Fields).NotNull().SetValidator(new TeamFieldsValidator()).OverridePropertyName(string.Empty);
}

internal sealed class CreateTeamHandler(TeamsDbContext db, CurrentScope current, TeamRules rules, TimeProvider time) : ICommandHandler<CreateTeam, TeamDto>
{
    public async ValueTask<TeamDto> Handle(CreateTeam command, CancellationToken cancellationToken)
    {
        var fields = command.Fields;
        var league = await rules.LeagueForWriteAsync(fields.LeagueId, current.Scope, cancellationToken);
        var sponsor = await rules.SponsorForAsync(fields.SponsorId, league, current.Scope, cancellationToken);
        await rules.EnsureUniqueNameAsync(null, fields, cancellationToken);
        var team = Team.Create(fields, league.CityId, time.GetUtcNow());
        await rules.SaveAndProjectAsync(team, league, sponsor, () => db.Teams.Add(team), cancellationToken);
        return team.ToDto();
    }
}

internal sealed class UpdateTeamHandler(CurrentScope current, EditPreconditions preconditions, TeamRules rules) : ICommandHandler<UpdateTeam, TeamDto>
{
    public async ValueTask<TeamDto> Handle(UpdateTeam command, CancellationToken cancellationToken)
    {
        var team = await rules.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        preconditions.Verify("Team", team.Version, command.Fields.Version);
        var league = await rules.LeagueForWriteAsync(command.Fields.LeagueId, current.Scope, cancellationToken);
        var sponsor = await rules.SponsorForAsync(command.Fields.SponsorId, league, current.Scope, cancellationToken);
        await rules.EnsureUniqueNameAsync(team.Id, command.Fields, cancellationToken);
        await rules.SaveAndProjectAsync(team, league, sponsor, () => team.Update(command.Fields, league.CityId), cancellationToken);
        return team.ToDto();
    }
}

internal sealed class SetTeamSponsorHandler(CurrentScope current, EditPreconditions preconditions, TeamRules rules) : ICommandHandler<SetTeamSponsor, TeamDto>
{
    public async ValueTask<TeamDto> Handle(SetTeamSponsor command, CancellationToken cancellationToken)
    {
        var team = await rules.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        preconditions.Verify("Team", team.Version, bodyVersion: null);
        var league = await rules.LeagueForWriteAsync(team.LeagueId, current.Scope, cancellationToken);
        var sponsor = await rules.SponsorForAsync(command.SponsorId, league, current.Scope, cancellationToken);
        await rules.SaveAndProjectAsync(team, league, sponsor, () => team.SetSponsor(command.SponsorId), cancellationToken);
        return team.ToDto();
    }
}

internal sealed class DeleteTeamHandler(TeamsDbContext db, CurrentScope current, EditPreconditions preconditions, TeamRules rules, TimeProvider time) : ICommandHandler<DeleteTeam, Unit>
{
    public async ValueTask<Unit> Handle(DeleteTeam command, CancellationToken cancellationToken)
    {
        var team = await rules.TeamForWriteAsync(command.TeamId, current.Scope, cancellationToken);
        preconditions.Verify("Team", team.Version, bodyVersion: null);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Kept for RestoreTeam (the admin's undo); the listing, GET and other modules see the team gone as before.
        await TeamArchive.KeepAsync(db, team, time.GetUtcNow(), cancellationToken);
        db.Teams.Remove(team);
        db.AddToOutbox(team.ToChanged(deleted: true), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await TeamProjection.RemoveAsync(db, team.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class GetTeamHandler(TeamsDbContext db, CurrentScope current) : IQueryHandler<GetTeam, TeamDto>
{
    public async ValueTask<TeamDto> Handle(GetTeam query, CancellationToken cancellationToken) =>
        (await db.Teams.AsNoTracking().InScope(current.Scope).SingleOrDefaultAsync(t => t.Id == query.TeamId, cancellationToken)
            ?? throw new NotFoundException("Team", query.TeamId)).ToDto();
}

/// <summary>The rules every team write shares: scope, league, sponsor city, unique name, and the projection in the same transaction.</summary>
internal sealed class TeamRules(TeamsDbContext db, ILeagueDirectory leagues, ISponsorDirectory sponsors, TimeProvider time)
{
    public async Task<Team> TeamForWriteAsync(Guid teamId, CityScope scope, CancellationToken ct)
    {
        var team = await db.Teams.InScope(scope).SingleOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("Team", teamId);
        scope.EnsureCanWrite();
        return team;
    }

    /// <summary>The league must exist and be live (400); putting a team in a city the caller does not hold is 403.</summary>
    public async Task<LeagueFacts> LeagueForWriteAsync(Guid leagueId, CityScope scope, CancellationToken ct)
    {
        var league = await leagues.FindAsync(leagueId, ct);
        if (league is null)
        {
            throw Invalid("leagueId", "The league does not exist.");
        }

        scope.EnsureCanWriteIn(league.CityId);
        if (league.Status == LeagueStatus.Archived)
        {
            throw Invalid("leagueId", "The league is archived; teams cannot be added or changed in it.");
        }

        return league;
    }

    /// <summary>A sponsor must exist, be active and operate in the team's city: asked of the Sponsors module, not its tables.</summary>
    public async Task<SponsorFacts?> SponsorForAsync(Guid? sponsorId, LeagueFacts league, CityScope scope, CancellationToken ct)
    {
        if (sponsorId is not { } id)
        {
            return null;
        }

        var sponsor = await sponsors.FindAsync(id, ct);
        if (sponsor is null || !sponsor.CityIds.Any(scope.Includes))
        {
            // A sponsor of only other cities does not exist for this caller: its name must not leak.
            throw Invalid("sponsorId", "The sponsor does not exist.");
        }

        if (!sponsor.Active)
        {
            throw Invalid("sponsorId", $"{sponsor.Name} is not an active sponsor.");
        }

        if (!sponsor.CityIds.Contains(league.CityId))
        {
            throw Invalid("sponsorId", $"{sponsor.Name} does not operate in {league.CityName}.");
        }

        return sponsor;
    }

    public async Task EnsureUniqueNameAsync(Guid? teamId, TeamFields fields, CancellationToken ct)
    {
        var name = fields.Name.Trim().ToLowerInvariant();
        if (await db.Teams.AnyAsync(t => t.Id != teamId && t.LeagueId == fields.LeagueId && t.Name.ToLower() == name, ct))
        {
            throw new ConflictException($"A team named '{fields.Name.Trim()}' is already in that league.", "name");
        }
    }

    /// <summary>Refreshes the replicas from the answers just received, applies the change and re-projects, all in one transaction.</summary>
    public Task SaveAndProjectAsync(Team team, LeagueFacts league, SponsorFacts? sponsor, Action change, CancellationToken ct) =>
        SaveAndProjectAsync(team, league, sponsor, _ =>
        {
            change();
            return Task.CompletedTask;
        }, ct);

    /// <summary>As above, for a change that itself touches the database (inside the same transaction).</summary>
    public async Task SaveAndProjectAsync(Team team, LeagueFacts league, SponsorFacts? sponsor, Func<CancellationToken, Task> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LeagueReplica.UpsertAsync(db, LeagueReplica.From(league), ct);
        await CityChangedHandler.UpsertAsync(db, league.CityId, league.CityName, league.CityVersion, ct);
        if (sponsor is not null)
        {
            await SponsorChangedHandler.UpsertAsync(db, sponsor.SponsorId, sponsor.Name, sponsor.Active, sponsor.Version, ct);
        }

        await change(ct);
        db.AddToOutbox(team.ToChanged(), time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"A team named '{team.Name}' is already in that league.", "name");
        }

        await TeamProjection.ProjectAsync(db, team.Id, team.LeagueId, team.CityId, team.SponsorId, ct);
        await transaction.CommitAsync(ct);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
