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
