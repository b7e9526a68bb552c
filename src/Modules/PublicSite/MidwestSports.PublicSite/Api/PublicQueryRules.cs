using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Leagues.Contracts;

namespace MidwestSports.PublicSite.Api;

/// <summary>
/// How the public API reads what it is asked: every malformed id, date, season or token is a 400 naming the parameter
/// (never a silent default, never a 404 that hides the typo); a range longer than a year is refused.
/// </summary>
internal static partial class PublicQueryRules
{
    public const int MaxRangeDays = 366;

    public static Guid Id(string? value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw Invalid(name, $"'{Shown(value)}' is not an id (a GUID such as 0190f3a2-5b7c-7d2e-8f00-1234567890ab).");

    public static Guid? OptionalId(string? value, string name) => string.IsNullOrEmpty(value) ? null : Id(value, name);

    public static DateOnly? Date(string? value, string name) =>
        string.IsNullOrEmpty(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100 ? date
        : throw Invalid(name, $"'{Shown(value)}' is not a date: use YYYY-MM-DD (2000-2100).");

    public static void Range(DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                throw Invalid("to", "'to' is before 'from'.");
            }

            if (t.DayNumber - f.DayNumber > MaxRangeDays)
            {
                throw Invalid("to", $"Ask for at most {MaxRangeDays} days at a time.");
            }
        }
    }

    /// <summary>"Fall 2026", "fall-2026", "2026-fall" or "2026" (a whole year).</summary>
    public static (int? Year, SeasonTerm? Term) Season(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var match = SeasonPattern().Match(value.Trim());
        if (!match.Success)
        {
            throw Invalid("season", $"'{Shown(value)}' is not a season: use a term and a year such as \"Fall 2026\", or a year.");
        }

        var year = int.Parse(match.Groups["year1"].Success ? match.Groups["year1"].Value : match.Groups["year2"].Value, CultureInfo.InvariantCulture);
        var termText = match.Groups["term1"].Success ? match.Groups["term1"].Value : match.Groups["term2"].Success ? match.Groups["term2"].Value : null;
        SeasonTerm? term = termText is null ? null : Enum.Parse<SeasonTerm>(termText, ignoreCase: true);
        return year is >= 2000 and <= 2100 ? (year, term) : throw Invalid("season", "The season's year must be from 2000 to 2100.");
    }

    public static string? Sport(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Length <= 40 ? value.Trim() : throw Invalid("sport", "A sport's name is at most 40 characters.");

    /// <summary>The change feed's position: an opaque token this API handed out; absent means from the oldest change kept.</summary>
    public static long Since(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[9];
        var base64 = token.Replace('-', '+').Replace('_', '/');
        if (token.Length != 12 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 9 || bytes[0] != TokenVersion)
        {
            throw Invalid("since", "The token is not one this API gave out: pass back the 'next' of an earlier answer, or leave it out to start over.");
        }

        var position = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        return position >= 0 ? position : throw Invalid("since", "The token is not one this API gave out.");
    }

    public static string Token(long position)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = TokenVersion;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    private const byte TokenVersion = 1;

    private static ValidationException Invalid(string name, string message) => new([new ValidationFailure(name, message)]);

    private static string Shown(string? value) => value is null ? string.Empty : value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^(?:(?<term1>winter|spring|summer|fall)[\s_-]*(?<year1>\d{4})|(?<year2>\d{4})(?:[\s_-]*(?<term2>winter|spring|summer|fall))?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeasonPattern();
}
