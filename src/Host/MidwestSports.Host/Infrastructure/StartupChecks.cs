using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Npgsql;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Turns a missing, malformed or unreachable database into one line that names the setting and the cause.</summary>
internal static class StartupChecks
{
    private const string Setting = "ConnectionStrings:Postgres (env ConnectionStrings__Postgres)";

    public static bool TryBuildDataSource(string? connectionString, [NotNullWhen(true)] out NpgsqlDataSource? dataSource, out string problem)
    {
        dataSource = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problem = $"{Setting} is not set. Run build/run.sh, which starts a local PostgreSQL, or set it to your server.";
            return false;
        }

        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // Hot queries (the user behind a request, a listing page, its count) are prepared once per connection after
            // two uses: PostgreSQL then skips parsing and, for most, planning. Planning the listing page cost more than
            // running it (docs/performance.md). A connection string that sets these keeps its own values.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }

            dataSource = builder.Build();
            problem = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            problem = $"{Setting} is malformed: {ex.Message}";
            return false;
        }
    }

    public static async Task<bool> CanConnectAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or ArgumentException)
        {
            var cause = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            await Console.Error.WriteLineAsync($"Cannot connect to PostgreSQL ({Setting}): {cause}");
            return false;
        }
    }
}

internal static class DatabaseMigrator
{
    /// <summary>Each module migrates its own schema, with its history table inside that schema.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<MidwestSports.Shared.Persistence.IModuleDatabase>())
        {
            await module.MigrateAsync(cancellationToken);
        }
    }
}
