using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// The safety net under every module's validators: no text that reaches a handler holds NUL or another control
/// character (PostgreSQL refuses NUL: that was a 500), and no query value is absurdly long. Query strings are checked
/// for every request (also where a handler reads them itself, as the team listing does); bodies and bound
/// parameters by <see cref="TextArgumentsFilter"/>. Line breaks and tabs pass here: single-line fields refuse them
/// in their own validators (<see cref="TextRules"/>).
/// </summary>
internal sealed class QueryStringGuardMiddleware(RequestDelegate next)
{
    public const int MaxValueLength = 2_000;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue)
        {
            foreach (var (key, values) in context.Request.Query)
            {
                if (TextRules.HasControlCharacters(key, multiline: false))
                {
                    throw Invalid("query", "A query parameter name holds control characters.");
                }

                foreach (var value in values)
                {
                    if (TextRules.HasControlCharacters(value, multiline: false))
                    {
                        throw Invalid(key, $"{key} must not contain control characters.");
                    }

                    if (value is { Length: > MaxValueLength })
                    {
                        throw Invalid(key, $"{key} must be {MaxValueLength} characters or fewer.");
                    }
                }
            }
        }

        return next(context);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>Checks every string in an endpoint's arguments (route, query, body records and their lists), with the field's JSON path in the error.</summary>
internal sealed class TextArgumentsFilter : IEndpointFilter
{
    private const int MaxDepth = 6;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? "body" : "body";
            var argument = context.Arguments[i];
            if (argument is string)
            {
                Check(argument, name, 0, failures);
            }
            else if (argument is not null && IsInspectable(argument.GetType()))
            {
                // A body's fields are named as in the JSON (cityId, fields[2]), not after the C# parameter.
                Check(argument, string.Empty, 0, failures);
            }
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : next(context);
    }

    private static void Check(object? value, string path, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.HasControlCharacters(text, multiline: true))
                {
                    var field = path.Length == 0 ? "body" : path;
                    failures.Add(new ValidationFailure(field, $"{field} must not contain NUL or other control characters."));
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Check(item, $"{path}[{index++}]", depth + 1, failures);
                }

                return;
            default:
                if (depth >= MaxDepth || !IsInspectable(value.GetType()))
                {
                    return;
                }

                foreach (var property in Properties.GetOrAdd(value.GetType(), ReadableProperties))
                {
                    var name = JsonName(property.Name);
                    Check(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1, failures);
                }

                return;
        }
    }

    /// <summary>The platform's own records (bodies, commands); never framework services such as HttpContext or ISender.</summary>
    private static bool IsInspectable(Type type) =>
        type.Namespace?.StartsWith("MidwestSports.", StringComparison.Ordinal) == true && !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type)
        && (type.IsValueType || !type.IsInterface);

    private static PropertyInfo[] ReadableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0
                && (p.PropertyType == typeof(string) || (p.PropertyType != typeof(object) && !p.PropertyType.IsPrimitive && !p.PropertyType.IsEnum
                    && (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) || IsInspectable(p.PropertyType)))))];

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
