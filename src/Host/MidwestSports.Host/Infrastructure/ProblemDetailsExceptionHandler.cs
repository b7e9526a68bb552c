using System.Diagnostics;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MidwestSports.Shared.Errors;
using MidwestSports.Shared.Persistence;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The one place exceptions become RFC 9457 responses. Expected failures map to 400/403/404/409 with a clear
/// message; anything else is logged with its trace id and answered 500 without internals.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(ToErrors(validation))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            BadHttpRequestException bad => UnreadableRequest.ToProblem(bad),
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            ConflictException { Field: { } field } conflict => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [conflict.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = conflict.Message,
            },
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = conflict.Message,
                Extensions = conflict.Details is { } details ? new Dictionary<string, object?> { ["details"] = details } : new Dictionary<string, object?>(),
            },
            PreconditionFailedException stale => Stale(stale),
            _ when UniqueKeys.TryTranslate(exception, out var unique) => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [unique.Field ?? "id"] = [unique.Message] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict.",
                Detail = unique.Message,
            },
            _ when UniqueKeys.IsUnstorableText(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request holds characters that cannot be stored.",
                Detail = "Text must not contain NUL or other control characters.",
            },
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = forbidden.Message },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged. Quote the trace id when reporting it.",
            },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, httpContext.Request.Method, httpContext.Request.Path, Activity.Current?.Id ?? httpContext.TraceIdentifier, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>412 with the version the entity has now (endpoints answer it with the ETag too: <see cref="VersionETagFilter"/>).</summary>
    private static ProblemDetails Stale(PreconditionFailedException stale) =>
        new()
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "Changed by someone else since you opened it.",
            Detail = stale.Message,
            Extensions = { ["currentVersion"] = stale.CurrentVersion },
        };

    /// <summary>Field names as the API spells them (camelCase), each with its messages.</summary>
    internal static Dictionary<string, string[]> ToErrors(ValidationException validation) =>
        validation.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string JsonName(string propertyName) =>
        propertyName.Contains('-', StringComparison.Ordinal)
            ? propertyName // a header such as If-Match keeps its name
            : string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, string traceId, Exception exception);
}
