using MidwestSports.Testing;

namespace MidwestSports.Host.Tests.Integration;

/// <summary>One fresh database and one running app for every integration test in this namespace.</summary>
[SetUpFixture]
public sealed class Database
{
    internal static TestPostgres Postgres { get; private set; } = null!;

    internal static MidwestApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Postgres = await TestPostgres.CreateAsync("host");
        App = new MidwestApp(Postgres.ConnectionString);
        _ = App.Server; // starts the host: migrations run now
        TestContext.Progress.WriteLine($"Integration tests on {Postgres.DatabaseName} ({Postgres.Source})");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await App.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
