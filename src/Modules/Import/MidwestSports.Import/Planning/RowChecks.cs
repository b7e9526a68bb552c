using System.Globalization;
using MidwestSports.Import.Contracts;
using MidwestSports.Import.Fields;
using MidwestSports.Import.Mapping;
using MidwestSports.Shared.Validation;

namespace MidwestSports.Import.Planning;

/// <summary>
/// Reads one row's values as a kind's fields: each problem is recorded with the row's line, the column as the file
/// names it, the value, a code and a message an admin understands. A malformed cell is a row error, never an exception.
/// </summary>
internal sealed class RowChecks(ImportRow row, ColumnHeaders headers)
{
    private readonly List<RowProblemDto> problems = [];

    public IReadOnlyList<RowProblemDto> Problems => problems;

    public bool HasErrors => problems.Any(p => p.Error);

    public int Line => row.Line;

    public bool IsMapped(string field) => headers.IsMapped(field);

    /// <summary>The field's text: null when blank or unmapped; a required one that is blank is an error.</summary>
    public string? Text(string field, int maxLength, bool required = false)
    {
        var value = row.Values.GetValueOrDefault(field);
        if (value is null)
        {
            return required ? Fail(field, null, "required", $"{Label(field)} is required.") : null;
        }

        // The team export defuses a formula-like name with a leading apostrophe ('=Cmd): read back, it is the name again.
        if (value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@')
        {
            value = value[1..];
        }

        if (row.FormulaFields.Contains(field) || value[0] is '=' or '@')
        {
            Warn(field, value, "formula", $"'{Shorten(value)}' looks like a spreadsheet formula: it is kept as text.");
        }

        if (TextRules.HasControlCharacters(value, multiline: false) || !TextRules.HasVisibleCharacter(value))
        {
            return Fail(field, value, "invalid_text", $"{Label(field)} holds control or invisible characters only.");
        }

        return value.Length > maxLength ? Fail(field, value, "too_long", $"{Label(field)} is longer than {maxLength} characters.") : value;
    }

    public string? Email(string field)
    {
        var value = Text(field, 256);
        var at = value?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        // The modules' rule (FluentValidation's EmailAddress): one @, neither first nor last; and no spaces.
        return value is null || (at > 0 && at < value.Length - 1 && at == value.LastIndexOf('@') && !value.Contains(' ', StringComparison.Ordinal))
            ? value
            : Fail(field, value, "invalid_email", $"'{Shorten(value)}' is not an email address.");
    }

    public string? Phone(string field)
    {
        var value = Text(field, 40);
        return value is null || value.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '.' or '-' or ' ' or 'x')
            ? value
            : Fail(field, value, "invalid_phone", $"'{Shorten(value)}' is not a phone number (digits, spaces and + ( ) - . x only).");
    }

    public int? Number(string field, int min, int max)
    {
        var value = Text(field, 20);
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Floor(n) && n >= min && n <= max
            ? (int)n
            : Fail<int?>(field, value, "invalid_number", $"{Label(field)} '{Shorten(value)}' is not a whole number from {min} to {max}.");
    }

    public T? Choice<T>(string field)
        where T : struct, Enum
    {
        var value = Text(field, 40);
        if (value is null)
        {
            return null;
        }

        return Named<T>(value) ?? Fail<T?>(field, value, "invalid_choice", $"{Label(field)} '{Shorten(value)}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    /// <summary>The choice named <paramref name="value"/> with case, spacing and punctuation ignored, if any.</summary>
    private static T? Named<T>(string value)
        where T : struct, Enum
    {
        var key = NaturalKeys.Of(value);
        foreach (var name in Enum.GetNames<T>())
        {
            if (NaturalKeys.Of(name) == key)
            {
                return Enum.Parse<T>(name);
            }
        }

        return null;
    }

    public void Warn(string field, string? value, string code, string message) =>
        problems.Add(new RowProblemDto(row.Line, Label(field), value, code, message, Error: false));

    public string? Fail(string field, string? value, string code, string message) => Fail<string?>(field, value, code, message);

    public T Fail<T>(string field, string? value, string code, string message)
    {
        problems.Add(new RowProblemDto(row.Line, Label(field), value, code, message, Error: true));
        return default!;
    }

    private string Label(string field) => headers.Label(field);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>Each field's column as the file names it (or the template's header when no column feeds it).</summary>
internal sealed class ColumnHeaders(ImportKind kind, IReadOnlyList<ColumnMappingDto> columns)
{
    private readonly Dictionary<string, string> mapped = columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c.Header, StringComparer.Ordinal);

    private readonly Dictionary<string, string> template = ImportFieldCatalog.Of(kind).ToDictionary(f => f.Name, f => f.Header, StringComparer.Ordinal);

    public bool IsMapped(string field) => mapped.ContainsKey(field);

    public string Label(string field) => mapped.GetValueOrDefault(field) ?? template.GetValueOrDefault(field) ?? field;
}
