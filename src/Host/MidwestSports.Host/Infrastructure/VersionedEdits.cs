using MidwestSports.Shared.Concurrency;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Optimistic concurrency over HTTP: a request's If-Match becomes the version its edit expects
/// (<see cref="EditPreconditions"/>), and every answer that is an editable resource carries its version as a strong
/// ETag, so a client always has the tag of what it last read or saved.
/// </summary>
internal sealed class IfMatchMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, EditPreconditions preconditions)
    {
        var ifMatch = context.Request.Headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            if (!VersionTags.TryParse(ifMatch.ToString(), out var version))
            {
                throw new FluentValidation.ValidationException(
                    [new FluentValidation.Results.ValidationFailure("If-Match", "If-Match must be one entity tag as sent in the ETag header, such as \"7\".")]);
            }

            preconditions.IfMatch = version;
        }

        return next(context);
    }
}

internal sealed class VersionETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? result;
        try
        {
            result = await next(context);
        }
        catch (PreconditionFailedException stale)
        {
            // Answered here rather than by the exception handler, which strips ETag from every error response:
            // the 412 carries the current version's tag, so a client can reload from it.
            if (stale.CurrentVersion is { } current)
            {
                context.HttpContext.Response.Headers.ETag = VersionTags.Format(current);
            }

            return TypedResults.Problem(
                title: "Changed by someone else since you opened it.",
                detail: stale.Message,
                statusCode: StatusCodes.Status412PreconditionFailed,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion });
        }

        var value = result is IValueHttpResult valued ? valued.Value : result;
        if (value is IVersioned versioned && !context.HttpContext.Response.HasStarted)
        {
            context.HttpContext.Response.Headers.ETag = VersionTags.Format(versioned.Version);
        }

        return result;
    }
}
