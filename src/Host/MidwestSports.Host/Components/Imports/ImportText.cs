using System.Globalization;
using MidwestSports.Import.Contracts;
using MudBlazor;

namespace MidwestSports.Host.Components.Imports;

/// <summary>How the wizard names kinds, statuses, actions and mapping reasons to a league admin.</summary>
internal static class ImportText
{
    /// <summary>The encodings an admin can read a CSV with: the value the API takes, and what the select shows.</summary>
    public static readonly (string Value, string Label)[] Encodings =
        [("utf-8", "UTF-8"), ("utf-16", "UTF-16 (little endian)"), ("utf-16BE", "UTF-16BE (big endian)"), ("windows-1252", "Windows-1252 (Excel on Windows)")];

    public static readonly RowAction[] Actions = [RowAction.Create, RowAction.Update, RowAction.Unchanged, RowAction.Error];

    public static string Slug(ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static string Slug(RowAction action) => action.ToString().ToLowerInvariant();

    public static string Kind(ImportKind kind) => kind switch
    {
        ImportKind.Workbook => "Workbook (several sheets)",
        _ => kind.ToString(),
    };

    public static string KindHint(ImportKind kind) => kind switch
    {
        ImportKind.Leagues => "name, sport, city, season",
        ImportKind.Sponsors => "name, contact, cities",
        ImportKind.Teams => "team, league, captain (the team export's columns)",
        ImportKind.Players => "team, player, email, captain",
        ImportKind.Games => "league, date, home and away team, scores",
        ImportKind.Workbook => "an .xlsx with a sheet per kind, applied in order",
        _ => string.Empty,
    };

    public static string Action(RowAction action) => action switch
    {
        RowAction.Create => "Create",
        RowAction.Update => "Update",
        RowAction.Unchanged => "Unchanged",
        _ => "Error",
    };

    public static Color ActionColor(RowAction action) => action switch
    {
        RowAction.Create => Color.Success,
        RowAction.Update => Color.Info,
        RowAction.Unchanged => Color.Default,
        _ => Color.Error,
    };

    public static int Count(ImportCountsDto counts, RowAction action) => action switch
    {
        RowAction.Create => counts.Create,
        RowAction.Update => counts.Update,
        RowAction.Unchanged => counts.Unchanged,
        _ => counts.Error,
    };

    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Analyzing => "Reading the file",
        ImportStatus.Ready => "Previewed",
        ImportStatus.Committing => "Importing",
        ImportStatus.Committed => "Imported",
        ImportStatus.Failed => "Failed",
        ImportStatus.Undone => "Undone",
        _ => status.ToString(),
    };

    public static Color StatusColor(ImportStatus status) => status switch
    {
        ImportStatus.Committed => Color.Success,
        ImportStatus.Failed => Color.Error,
        ImportStatus.Undone => Color.Warning,
        ImportStatus.Ready => Color.Info,
        _ => Color.Default,
    };

    public static string Basis(MappingBasis basis) => basis switch
    {
        MappingBasis.Name => "same name",
        MappingBasis.Synonym => "known synonym",
        MappingBasis.Similar => "similar spelling",
        MappingBasis.Duplicate => "another column already feeds this field",
        MappingBasis.Chosen => "your choice",
        _ => "matches no field",
    };

    public static Color ConfidenceColor(ColumnMappingDto column) =>
        column.Field is null ? Color.Default : column.Confidence >= 0.999 ? Color.Success : column.Confidence >= 0.8 ? Color.Warning : Color.Error;

    public static string Percent(double confidence) => confidence.ToString("P0", CultureInfo.InvariantCulture);

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Counts(ImportCountsDto counts) =>
        $"{counts.Create} create · {counts.Update} update · {counts.Unchanged} unchanged · {counts.Error} error";

    /// <summary>A single-kind file none of whose columns feeds a field: the mapping step says so in its own words.</summary>
    public static bool MatchesNothing(ImportDto import) =>
        import.Status == ImportStatus.Ready && import.Kind != ImportKind.Workbook && import.Columns.Count > 0 && import.Columns.All(c => c.Field is null);

    public static bool IsBusy(ImportStatus status) => status is ImportStatus.Analyzing or ImportStatus.Committing;
}
