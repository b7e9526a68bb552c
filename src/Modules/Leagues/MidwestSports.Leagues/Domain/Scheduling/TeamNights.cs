namespace MidwestSports.Leagues.Domain.Scheduling;

/// <summary>Which teams already play on which dates, kept games included, across every league of the run.</summary>
internal sealed class TeamNights
{
    private readonly HashSet<(Guid Team, DateOnly Night)> playing = [];

    public bool Plays(Guid team, DateOnly night) => playing.Contains((team, night));

    public void Add(Guid team, DateOnly night) => playing.Add((team, night));
}
