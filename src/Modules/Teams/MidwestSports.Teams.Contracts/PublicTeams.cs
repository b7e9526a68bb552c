using Mediator;

namespace MidwestSports.Teams.Contracts;

/// <summary>The sponsor a team carries, for the public site (a sponsor's name is public; nothing else of the team's record is).</summary>
/// <returns>The sponsor's id; null when the team has none or does not exist.</returns>
public sealed record GetTeamSponsor(Guid TeamId) : IQuery<Guid?>;
