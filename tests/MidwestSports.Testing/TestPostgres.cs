using System.Diagnostics;
using Npgsql;
using Respawn;
using Testcontainers.PostgreSql;

namespace MidwestSports.Testing;

/// <summary>
/// The PostgreSQL server tests run against, found in this order: the connection string in MIDWEST_TEST_PG;
/// a Testcontainers container where a Docker engine answers; the project-local cluster of build/pg.sh.
/// Each test run gets a fresh database of its own, dropped at the end.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private static readonly string[] ModuleSchemas = ["leagues", "sponsors", "teams", "trivia", "import", "public_site"];

    private readonly string serverConnectionString;
    private readonly PostgreSqlContainer? container;
    private Respawner? respawner;

    private TestPostgres(string serverConnectionString, string databaseName, string source, PostgreSqlContainer? container)
    {
        this.serverConnectionString = serverConnectionString;
        this.container = container;
        DatabaseName = databaseName;
        Source = source;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
    }

    public string ConnectionString { get; }

    public string DatabaseName { get; }

    /// <summary>Where the server came from: "MIDWEST_TEST_PG", "testcontainers" or "local cluster".</summary>
    public string Source { get; }

    public static async Task<TestPostgres> CreateAsync(string purpose)
    {
        var (server, source, container) = await FindServerAsync();
        var name = $"midwest_test_{purpose}_{DateTime.UtcNow:MMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new TestPostgres(server, name, source, container);
    }

    /// <summary>Empties every module table (history tables and Hangfire's schema are kept) between tests.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await WaitForImportWorkAsync(connection);
        respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ModuleSchemas,
            TablesToIgnore = [new Respawn.Graph.Table("__ef_migrations_history")],
        });
        // The app's background work (outbox relays, the listing's re-keying) may still write while the reset deletes
        // table by table. PostgreSQL breaks a deadlock it sees by failing one side; one it cannot see (the app holding a
        // message's row while another of its connections waits for a table the reset has locked) would last until a
        // timeout, so the reset waits for a lock at most a few seconds, gives its locks back, and runs again.
        await using (var limit = new NpgsqlCommand("SET lock_timeout = '3s'", connection))
        {
            await limit.ExecuteNonQueryAsync();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 6)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }

    /// <summary>
    /// The app's background import work (analysis, commit, undo) holds a transaction while it asks other modules on
    /// other connections: a reset taking every table's lock meanwhile would deadlock with it where PostgreSQL cannot see
    /// it. So a reset first waits (up to 30 s) for the work a test left running.
    /// </summary>
    private static async Task WaitForImportWorkAsync(NpgsqlConnection connection)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('import.imports') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync() is not true)
        {
            return;
        }

        await using var busy = new NpgsqlCommand("SELECT count(*) FROM import.imports WHERE status IN ('Analyzing', 'Committing') OR message = 'Undoing…'", connection);
        for (var waited = 0; waited < 600 && (long)(await busy.ExecuteScalarAsync())! > 0; waited++)
        {
            await Task.Delay(50);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> ColumnAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString() ?? string.Empty);
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A database left behind on a dying server is harmless: names are unique per run.
        }

        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private static async Task<(string Server, string Source, PostgreSqlContainer? Container)> FindServerAsync()
    {
        var given = Environment.GetEnvironmentVariable("MIDWEST_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return (given, "MIDWEST_TEST_PG", null);
        }

        if (Environment.GetEnvironmentVariable("MIDWEST_TEST_NO_DOCKER") != "1")
        {
            try
            {
                var started = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await started.StartAsync();
                return (started.GetConnectionString(), "testcontainers", started);
            }
#pragma warning disable CA1031 // any failure to reach Docker means: use the local cluster
            catch (Exception)
#pragma warning restore CA1031
            {
                // No Docker engine on this machine (DockerUnavailableException, usually in ~0.1 s): fall back.
            }
        }

        return (await LocalClusterAsync(), "local cluster", null);
    }

    private static async Task<string> LocalClusterAsync()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "build", "pg.sh"), "url", "postgres"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MIDWEST_PG_NAME"] = "pg-test";
        start.Environment["MIDWEST_PG_FAST"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run build/pg.sh.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/pg.sh could not start the local PostgreSQL cluster: {error}");
        }

        return output.Trim();
    }

    /// <summary>The folder that holds MidwestSports.sln, found from the test assembly upwards.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MidwestSports.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MidwestSports.sln not found above " + AppContext.BaseDirectory);
    }
}
