using FluentValidation;
using Mediator;
using MidwestSports.Identity.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Commands an operator runs instead of serving: <c>migrate</c>, <c>create-admin --email … --password …</c>.</summary>
internal static class HostCommands
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var password = Option(args, "--password");
        if (email is null || password is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email ADDRESS --password PASSWORD");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("create-admin");
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new CreateUser(email, "System administrator", password, PlatformRole.SystemAdmin, []));
            await Console.Out.WriteLineAsync($"Created system admin {user.Email} ({user.Id}).");
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            return 2;
        }
    }

    /// <summary>
    /// <c>rebuild-listing [--swap]</c>: the nightly reconciliation, run now, with its report. <c>--swap</c> rebuilds every
    /// row into a shadow table and swaps it in however small the drift (after a change to the listing's columns).
    /// </summary>
    public static async Task<int> RebuildListingAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("rebuild-listing");
        var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new MidwestSports.Teams.Contracts.RebuildTeamListing(Swap: args.Contains("--swap")));
        await Console.Out.WriteLineAsync(
            $"Listing rebuilt: {report.Rows:N0} rows; {report.Added:N0} added, {report.Changed:N0} changed, {report.Removed:N0} removed; "
            + $"{(report.Swapped ? "a shadow table swapped in" : "repaired in place")} in {report.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary><c>seed --teams N</c>: demo cities, leagues and sponsors if there are none, then N more teams.</summary>
    public static async Task<int> SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, string[] args)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await Console.Error.WriteLineAsync("seed creates demo users with a known password: it runs only with ASPNETCORE_ENVIRONMENT=Development.");
            return 2;
        }

        if (!int.TryParse(Option(args, "--teams"), out var teams) || teams < 1)
        {
            await Console.Error.WriteLineAsync("Usage: seed --teams N   (N ≥ 1)");
            return 2;
        }

        await DemoData.SeedAsync(services, new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Teams"] = "0" }).Build(), logger);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("seed");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var report = await sender.Send(new MidwestSports.Teams.Contracts.SeedTeams(teams, Environment.TickCount));
        // Bulk-loaded teams raise no events: schedules, standings and the public site learn of them from the Teams module now.
        await sender.Send(new MidwestSports.Leagues.Contracts.RefreshLeagueTeams());
        await Console.Out.WriteLineAsync($"Seeded {teams:N0} teams in {clock.Elapsed.TotalSeconds:0.0} s; the listing now has {report.Rows:N0} rows.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
