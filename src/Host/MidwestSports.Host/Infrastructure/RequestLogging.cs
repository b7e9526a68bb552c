using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// One line per request, written by a background sink: under load the console (a pipe, a terminal) is slower than the
/// app, and a synchronous sink made every request wait for it. When the buffer is full, events are dropped rather than
/// slowing requests. Liveness and readiness probes, polled every few seconds by an orchestrator, log at Debug.
/// </summary>
internal static class RequestLogging
{
    public const int BufferSize = 10_000;

    public static void Configure(RequestLoggingOptions options) => options.GetLevel = (context, _, error) =>
        error is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
        : LogEventLevel.Information;
}
