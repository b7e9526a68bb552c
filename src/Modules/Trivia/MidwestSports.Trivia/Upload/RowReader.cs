using System.Globalization;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Trivia.Upload;

/// <summary>The cells of one row, each read as what its column holds; every problem is a message naming the row and the column.</summary>
internal sealed class RowReader(NightFileRow row, IReadOnlyList<string> headers, IReadOnlyDictionary<string, int> columns, List<TriviaUploadMessageDto> messages)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "M/d/yyyy", "M/d/yy", "yyyy/M/d"];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt"];

    public bool HasError { get; private set; }

    public string? Text(string field, bool required = false)
    {
        var value = Raw(field);
        if (value is null)
        {
            return required ? Error(field, $"{headers[columns[field]]} is missing.") : null;
        }

        // What a spreadsheet would run as a formula (CSV injection) stays text, and the row says so.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            messages.Add(new TriviaUploadMessageDto(row.Number, headers[columns[field]], $"'{Shorten(value)}' looks like a spreadsheet formula: kept as text.", false));
        }

        return value;
    }

    public int? Number(string field, bool required = false) => columns.TryGetValue(field, out var index) ? Number(index, required) : null;

    public int? Number(int index, bool required = false)
    {
        var value = Cell(index);
        if (value is null)
        {
            return required ? Error<int?>(index, $"{headers[index]} is missing.") : null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Floor(n) && Math.Abs(n) < 100_000
            ? (int)n
            : Error<int?>(index, $"{headers[index]} '{Shorten(value)}' is not a whole number.");
    }

    public string? Date(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return Error(field, $"{headers[columns[field]]} is missing.");
        }

        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 30_000 and < 80_000
            ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Error(field, $"{headers[columns[field]]} '{Shorten(value)}' is not a date (yyyy-mm-dd or m/d/yyyy).");
    }

    public string? Time(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return Error(field, $"{headers[columns[field]]} is missing.");
        }

        if (DateTime.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var time))
        {
            return time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and < 1
            ? TimeOnly.FromTimeSpan(TimeSpan.FromDays(fraction)).ToString("HH:mm", CultureInfo.InvariantCulture)
            : Error(field, $"{headers[columns[field]]} '{Shorten(value)}' is not a time of day (19:00 or 7:00 PM).");
    }

    public DateTimeOffset? Instant(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : Error<DateTimeOffset?>(columns[field], $"{headers[columns[field]]} '{Shorten(value)}' is not a date and time.");
    }

    private string? Raw(string field) => columns.TryGetValue(field, out var index) ? Cell(index) : null;

    private string? Cell(int index) => index < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[index]) ? row.Cells[index]!.Trim(' ') : null;

    private string? Error(string field, string message) => Error<string?>(columns[field], message);

    private T Error<T>(int index, string message)
    {
        HasError = true;
        messages.Add(new TriviaUploadMessageDto(row.Number, headers[index], message, true));
        return default!;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
