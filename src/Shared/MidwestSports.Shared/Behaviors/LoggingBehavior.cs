using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Shared.Behaviors;

/// <summary>Logs each request with its module name, so every event a handler logs carries "Module" too.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var module = ModuleNames.Of(typeof(TMessage));
        var requestName = typeof(TMessage).Name;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Module"] = module });
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, module, requestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (IsExpected(ex))
            {
                LogRefused(logger, module, requestName, elapsedMs, ex.GetType().Name);
            }
            else
            {
                LogFailed(logger, module, requestName, elapsedMs, ex.GetType().Name);
            }

            throw;
        }
    }

    // Debug: the request log already has every request once; a second line per request doubles the logging cost.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Module} handled {Request} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string module, string request, double elapsedMs);

    /// <summary>
    /// Validation, access, not-found and conflict outcomes are answers, not faults (400, 403, 404, 409, 412): an admin
    /// typing a duplicate name is no event for whoever reads the log at Information.
    /// </summary>
    internal static bool IsExpected(Exception exception) =>
        exception is DomainException or FluentValidation.ValidationException
        || UniqueKeys.TryTranslate(exception, out _)
        || UniqueKeys.IsUnstorableText(exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Module} refused {Request} after {ElapsedMs:0.0} ms: {Failure}")]
    private static partial void LogRefused(ILogger logger, string module, string request, double elapsedMs, string failure);

    // Information, not Error: the exception handler (or the job runner) logs the exception itself once, with its trace id.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Module} failed {Request} after {ElapsedMs:0.0} ms: {Failure}")]
    private static partial void LogFailed(ILogger logger, string module, string request, double elapsedMs, string failure);
}

/// <summary>Module names come from namespaces: MidwestSports.&lt;Module&gt;[.Contracts].…</summary>
public static class ModuleNames
{
    public static string Of(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length > 1 && parts[0] == "MidwestSports" ? parts[1] : "Host";
    }
}
