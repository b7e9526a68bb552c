using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace MidwestSports.Shared.Spreadsheets;

/// <summary>
/// A worksheet as rows, read by MiniExcel one row at a time. A merged cell's value fills every cell it spans (a merged
/// header reads the same over each column); numbers are invariant text (a phone stays "4145550100"), dates ISO.
/// </summary>
internal static class XlsxSheet
{
    private static readonly OpenXmlConfiguration Configuration = new() { FillMergedCells = true };

    public static List<string> Names(SheetSource source)
    {
        using var stream = source.Open();
        try
        {
            return MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw Unreadable();
        }
    }

    public static IEnumerable<SheetRow> Rows(SheetSource source, string sheet)
    {
        using var stream = source.Open();
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: Configuration).GetEnumerator();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw Unreadable();
        }

        using (rows)
        {
            var number = 0;
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (IsUnreadable(ex))
                {
                    throw Unreadable();
                }

                number++;
                var row = (IDictionary<string, object?>)rows.Current;
                var raw = row.Values.Select(Text).ToArray();
                var cells = Cells.TrimEnd([.. raw.Select(Cells.Clean)]);
                if (cells.Length > 0)
                {
                    var formulas = Enumerable.Range(0, cells.Length).Where(i => Cells.IsFormulaLike(raw[i])).ToArray();
                    yield return new SheetRow(number, cells, formulas);
                }
            }
        }
    }

    /// <summary>A workbook cell as text: numbers invariant, dates ISO (a time of day alone as hh:mm).</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d when d.Date <= new DateTime(1900, 1, 1) => d.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>What MiniExcel throws on a workbook whose parts are broken or missing (it does not check them first).</summary>
    private static bool IsUnreadable(Exception ex) =>
        ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException
            or KeyNotFoundException or FormatException or NullReferenceException or ArgumentException or EndOfStreamException;

    private static UnreadableFileException Unreadable() =>
        new("The workbook could not be read (is it an .xlsx saved by Excel or a compatible program?).");
}
