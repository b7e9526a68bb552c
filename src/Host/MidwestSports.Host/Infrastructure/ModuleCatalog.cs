using MidwestSports.Identity;
using MidwestSports.Import;
using MidwestSports.Leagues;
using MidwestSports.PublicSite;
using MidwestSports.Shared.Modules;
using MidwestSports.Sponsors;
using MidwestSports.Teams;
using MidwestSports.Trivia;

namespace MidwestSports.Host.Infrastructure;

/// <summary>The modules this Host composes, in the order they register.</summary>
internal static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new IdentityModule(),
        new LeaguesModule(),
        new SponsorsModule(),
        new TeamsModule(),
        new TriviaModule(),
        new PublicSiteModule(),
        new ImportModule(),
    ];
}
