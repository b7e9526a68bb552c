using MidwestSports.Leagues.Contracts;

namespace MidwestSports.Host.Components.Pickers;

/// <summary>
/// How a league is named wherever it is shown: leagues repeat their names every season and in every city, so a name
/// alone does not say which one is meant.
/// </summary>
internal static class LeagueLabels
{
    public static string Season(LeagueDto league) => $"{league.Term} {league.SeasonYear}";

    public static string NameAndSeason(LeagueDto league) => $"{league.Name} · {Season(league)}";

    public static string Full(LeagueDto? league) => league is null ? string.Empty : $"{NameAndSeason(league)} · {league.CityName}";
}
