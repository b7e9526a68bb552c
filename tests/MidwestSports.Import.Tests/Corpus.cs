using MiniExcelLibs;

namespace MidwestSports.Import.Tests;

/// <summary>The files of Corpus/ (written byte for byte), and the workbooks the tests build (a binary fixture would hide what it holds).</summary>
internal static class Corpus
{
    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus", name));

    /// <summary>A workbook with the given sheets, each a list of rows of cells (null for an empty cell).</summary>
    public static byte[] Workbook(params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        // Every row as wide as the widest: the writer takes its columns from the first row.
        var data = sheets.ToDictionary(
            s => s.Sheet,
            s => (object)s.Rows.Select(r => Enumerable.Range(0, s.Rows.Max(x => x.Length)).ToDictionary(i => $"c{i}", i => i < r.Length ? r[i] : null)).ToList());
        stream.SaveAs(data, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The workbook with cell ranges of its first sheet merged, as Excel writes them ("A1:C1"): the cells under a merge are empty, the first holds the value.</summary>
    public static byte[] Merged(byte[] workbook, params string[] ranges)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var merges = $"<x:mergeCells count=\"{ranges.Length}\">{string.Concat(ranges.Select(r => $"<x:mergeCell ref=\"{r}\"/>"))}</x:mergeCells>";
            xml = xml.Contains("<x:sheetData", StringComparison.Ordinal)
                ? xml.Replace("</x:sheetData>", "</x:sheetData>" + merges, StringComparison.Ordinal)
                : xml.Replace("</sheetData>", "</sheetData>" + merges.Replace("x:", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }

    /// <summary>A zip holding a workbook part and one part of zeros that inflates thousands of times: a zip bomb.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            {
                workbook.Write("<workbook/>");
            }

            using var zeros = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                zeros.Write(block);
            }
        }

        return stream.ToArray();
    }
}
