using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Access;
using MidwestSports.Teams.Contracts;
using MidwestSports.Teams.Domain;
using MidwestSports.Teams.Persistence;

namespace MidwestSports.Teams.Features;

internal sealed class ListTeamsMissingDetailsValidator : AbstractValidator<ListTeamsMissingDetails>
{
    public ListTeamsMissingDetailsValidator() => RuleFor(x => x.Sample).InclusiveBetween(0, 50);
}

/// <summary>
/// The home page's "teams to chase": active teams of the caller's cities with no sponsor, and with no captain email and
/// no phone. Reads teams.teams (not the listing, which serves the Teams page) through the city scope.
/// </summary>
internal sealed class ListTeamsMissingDetailsHandler(TeamsDbContext db, CurrentScope current) : IQueryHandler<ListTeamsMissingDetails, TeamsMissingDetailsDto>
{
    public async ValueTask<TeamsMissingDetailsDto> Handle(ListTeamsMissingDetails query, CancellationToken cancellationToken)
    {
        var active = db.Teams.AsNoTracking().InScope(current.Scope).Where(t => t.Status == TeamStatus.Active);
        var withoutSponsor = active.Where(t => t.SponsorId == null);
        var withoutContact = active.Where(t => (t.CaptainEmail == null || t.CaptainEmail == "") && (t.CaptainPhone == null || t.CaptainPhone == ""));
        return new TeamsMissingDetailsDto(
            await withoutSponsor.CountAsync(cancellationToken),
            await SampleAsync(withoutSponsor, query.Sample, cancellationToken),
            await withoutContact.CountAsync(cancellationToken),
            await SampleAsync(withoutContact, query.Sample, cancellationToken));
    }

    /// <summary>The first teams by name, each with its league's name from Teams' own replica (null until it arrives).</summary>
    private async Task<IReadOnlyList<TeamMentionDto>> SampleAsync(IQueryable<Team> teams, int sample, CancellationToken ct) =>
        await teams.OrderBy(t => t.Name).ThenBy(t => t.Id).Take(sample)
            .Select(t => new TeamMentionDto(t.Id, t.Name, t.LeagueId, db.LeagueNames.Where(l => l.LeagueId == t.LeagueId).Select(l => l.Name).FirstOrDefault()))
            .ToListAsync(ct);
}
