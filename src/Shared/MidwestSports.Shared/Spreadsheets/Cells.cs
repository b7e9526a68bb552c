using System.Globalization;

namespace MidwestSports.Shared.Spreadsheets;

/// <summary>How a raw cell becomes a <see cref="SheetRow"/> cell, and how text cells are read as dates.</summary>
public static class Cells
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "M/d/yyyy", "M/d/yy", "yyyy/M/d"];

    /// <summary>What a spreadsheet would run as a formula (CSV injection): a leading = @, tab or CR, or a + - that does not start a number such as -5.</summary>
    public static bool IsFormulaLike(string? raw) =>
        raw is { Length: > 0 } && (raw[0] is '=' or '@' or '\t' or '\r'
            || (raw[0] is '+' or '-' && !double.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)));

    /// <summary>
    /// A date as an admin's file holds it: ISO (2026-09-15), US (9/15/2026), or an Excel serial number (46280) when a
    /// date column was saved as numbers.
    /// </summary>
    public static bool TryDate(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (DateTime.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        // 1954-10-04 .. 2119-01-09: a number far outside is a count or a code, not a date.
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000 && serial == Math.Floor(serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    /// <summary>Trailing blank cells are no columns: a row ends at its last value.</summary>
    internal static string?[] TrimEnd(string?[] cells)
    {
        var length = cells.Length;
        while (length > 0 && cells[length - 1] is null)
        {
            length--;
        }

        return length == cells.Length ? cells : cells[..length];
    }

    internal static string? Clean(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null
        // A NUL (a workbook's "_x0000_") is no text anyone typed, and PostgreSQL cannot store it.
        : raw.Contains('\0', StringComparison.Ordinal) ? Clean(raw.Replace("\0", string.Empty, StringComparison.Ordinal))
        // A lone surrogate (a workbook's "_xD800_") is no character: it would break normalising and storing the text.
        : raw.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && HasLoneSurrogate(raw) ? Clean(WithoutLoneSurrogates(raw))
        : raw.Trim();

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with each lone surrogate replaced by U+FFFD, as a decoder does with bytes it cannot read.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(text, i++, 2);
            }
            else
            {
                result.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return result.ToString();
    }
}
