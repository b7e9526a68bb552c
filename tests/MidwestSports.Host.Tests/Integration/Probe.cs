namespace MidwestSports.Host.Tests.Integration;

/// <summary>Polls for an outcome another module produces asynchronously (through the outbox), up to a deadline.</summary>
internal static class Probe
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> sample, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        var value = await sample();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await sample();
        }

        return value;
    }
}
