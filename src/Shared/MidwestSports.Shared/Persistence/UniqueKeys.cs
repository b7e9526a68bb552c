using Microsoft.EntityFrameworkCore;
using MidwestSports.Shared.Errors;
using Npgsql;

namespace MidwestSports.Shared.Persistence;

/// <summary>
/// Uniqueness lives in the database (a unique index on a normalised key), so two admins saving the same name at once
/// cannot both win. A violation becomes a 409 naming the field, by one convention: a unique index is named
/// <c>ux_&lt;table&gt;__&lt;field&gt;</c>, where field is the API's name for the colliding value.
/// </summary>
public static class UniqueKeys
{
    public const string Prefix = "ux_";

    /// <summary>The index name for <paramref name="table"/>'s unique <paramref name="field"/> (e.g. ux_leagues__name).</summary>
    public static string IndexName(string table, string field) => $"{Prefix}{table}__{field}";

    public static bool TryTranslate(Exception exception, out ConflictException conflict)
    {
        var postgres = Find(exception);
        if (postgres is { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            var field = FieldOf(postgres.ConstraintName);
            conflict = new ConflictException(
                field is null ? "That already exists." : $"Another record already has this {Humanize(field)}; {Humanize(field)}s must be unique (ignoring case).",
                field);
            return true;
        }

        conflict = null!;
        return false;
    }

    /// <summary>PostgreSQL refuses NUL and unconvertible characters in text (22021, 22P05): a bad request, never a 500.</summary>
    public static bool IsUnstorableText(Exception exception) =>
        Find(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter };

    internal static string? FieldOf(string? constraint)
    {
        if (constraint is null || !constraint.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = constraint.IndexOf("__", StringComparison.Ordinal);
        return separator < 0 ? null : constraint[(separator + 2)..];
    }

    private static string Humanize(string field) => field switch
    {
        _ when field.EndsWith("Key", StringComparison.Ordinal) => field[..^3],
        _ => field,
    };

    private static PostgresException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres;
            }

            if (e is DbUpdateException { InnerException: null })
            {
                return null;
            }
        }

        return null;
    }
}
