using System.Diagnostics;

namespace MidwestSports.Host.Tests.Startup;

/// <summary>A bad database setting ends the app with one line that names the setting and the cause.</summary>
public sealed class StartupFailureTests
{
    [TestCase("", "is not set")]
    [TestCase("this is not a connection string", "is malformed")]
    [TestCase("Host=127.0.0.1;Port=abc", "is malformed")]
    [TestCase("Host=127.0.0.1;Port=1;Database=midwest;Username=u;Password=p;Timeout=3", "Cannot connect to PostgreSQL")]
    public async Task Start_BadConnectionString_ExitsWithOneLineNamingTheSetting(string connectionString, string expected)
    {
        var (exitCode, stdout, stderr) = await RunHostAsync(connectionString);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(lines, Has.Length.EqualTo(1), stderr);
            Assert.That(lines[0], Does.Contain("ConnectionStrings:Postgres").And.Contain(expected));
            Assert.That(stdout + stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MidwestSports.Host.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The host kept running with a bad connection string.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
