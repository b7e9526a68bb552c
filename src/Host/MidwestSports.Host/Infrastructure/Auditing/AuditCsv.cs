using System.Globalization;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Host.Infrastructure.Auditing;

/// <summary>The audit log as a spreadsheet reads it: the sentence and its parts, names rather than ids, formula-safe cells.</summary>
internal static class AuditCsv
{
    public const string Header = "When (UTC),Who,City,Module,What,Action,Summary,Reason";

    public static string Row(AuditLine line) => SafeCsv.Line(
    [
        line.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        line.Who,
        line.City,
        line.Module,
        line.What,
        line.Action,
        line.Summary,
        line.Reason,
    ]);
}
