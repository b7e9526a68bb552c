using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// A body or parameter the framework could not bind (a missing required field, a wrong type, a bad GUID or date,
/// malformed JSON) becomes a 400 that names the field, like any validation failure, instead of a bare 400 or a 500.
/// </summary>
internal static partial class UnreadableRequest
{
    public static ProblemDetails ToProblem(BadHttpRequestException bad)
    {
        var (field, message) = Describe(bad);
        if (field is null)
        {
            return new ProblemDetails
            {
                Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
                Title = "The request could not be read.",
                Detail = message,
            };
        }

        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };
    }

    internal static (string? Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var missing = MissingProperties().Match(json.Message);
            if (missing.Success)
            {
                var names = missing.Groups[1].Value.Split(", ").Select(n => n.Trim('\'')).ToArray();
                return (names[0], names.Length == 1 ? $"{names[0]} is required." : $"Required: {string.Join(", ", names)}.");
            }

            var path = JsonPath(json.Path);
            return path is null
                ? (null, "The body is not valid JSON for this operation.")
                : (path, $"{path} has a missing value or the wrong type or format.");
        }

        var parameter = BindFailure().Match(bad.Message);
        if (parameter.Success)
        {
            var name = parameter.Groups[1].Value;
            return (name, $"{name} has the wrong type or format.");
        }

        var required = RequiredParameter().Match(bad.Message);
        if (required.Success)
        {
            var name = required.Groups[1].Value;
            return (name, name == "body" ? "A JSON body is required." : $"{name} is required.");
        }

        return (null, bad.Message);
    }

    /// <summary>"$.fields[0].name" → "fields[0].name"; "$" (the whole body) is no field.</summary>
    private static string? JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("missing required properties,? including: (.+?)\\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("Failed to bind parameter \"[^\"]*? (\\w+)\" from")]
    private static partial Regex BindFailure();

    [GeneratedRegex("Required parameter \"[^\"]*? (\\w+)\" was not provided")]
    private static partial Regex RequiredParameter();
}
