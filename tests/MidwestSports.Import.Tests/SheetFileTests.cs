using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Tests;

/// <summary>Reading admins' files: every encoding, delimiter and layout they come in reads as the same rows; anything else is refused whole.</summary>
public sealed class SheetFileTests
{
    private static readonly string?[] Otters = ["Otters", "Tuesday Kickball", "Milwaukee", "Fall 2026", "Joe's Pub", "Casey Young", "casey@example.org", "0414 555 0100"];

    [TestCase("teams-utf8.csv", "UTF-8", ",")]
    [TestCase("teams-utf8-bom.csv", "UTF-8 (BOM)", ",")]
    [TestCase("teams-utf16.csv", "UTF-16", ",")]
    [TestCase("teams-utf16be.csv", "UTF-16BE", ",")]
    [TestCase("teams-windows1252-semicolons.csv", "Windows-1252", ";")]
    [TestCase("teams-tabs.tsv", "UTF-8", "tab")]
    public void Open_EachEncodingAndDelimiter_ReadsTheSameRowsAndSaysHow(string name, string encoding, string delimiter)
    {
        var file = SheetFile.Open(Corpus.File(name), name);

        var rows = file.Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(file.Format.Type, Is.EqualTo("csv"));
            Assert.That(file.Format.Encoding, Is.EqualTo(encoding));
            Assert.That(file.Format.Delimiter, Is.EqualTo(delimiter));
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(rows[1].Cells, Is.EqualTo(Otters), "a phone keeps its leading zero: every cell is text");
            Assert.That(rows[2][0], Is.EqualTo("Café Olé"), "accents survive the encoding");
            Assert.That(rows[2][5], Is.EqualTo("Zoë Brontë"));
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    /// <summary>The encoding is decided in one pass a 64 KB buffer at a time: a character cut by a buffer's end is not an error.</summary>
    [TestCase(65_531)] // "é" ends the first buffer
    [TestCase(65_532)] // "é" is cut by the edge: its first byte ends the first buffer, its second starts the next
    [TestCase(65_533)] // "é" starts the second buffer
    public void Open_Utf8CharacterAcrossTheScanBuffersEdge_IsUtf8(int at)
    {
        AssertReadsAs(LongFile(at, "Caf\u00e9 Ol\u00e9,\u20ac5"u8.ToArray()), "UTF-8", "Café Olé", "€5");
    }

    [Test]
    public void Open_Windows1252ByteOnlyAfterTheFirstBuffer_IsWindows1252()
    {
        AssertReadsAs(LongFile(200_000, [(byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)',', (byte)'5']), "Windows-1252", "Café", "5");
    }

    [Test]
    public void Open_Utf8CutOffInTheMiddleOfTheLastCharacter_IsNotUtf8()
    {
        var bytes = LongFile(70_000, [(byte)'C', (byte)'a', (byte)'f', 0xC3]);

        Assert.That(SheetFile.Open(bytes, "cut.csv").Format.Encoding, Is.EqualTo("Windows-1252"));
    }

    [Test]
    public void Open_FromAStreamedSource_ReadsWhatTheBytesRead()
    {
        var bytes = Corpus.File("teams-windows1252-semicolons.csv");
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, bytes);
        try
        {
            var opened = 0;
            var source = SheetSource.Of(() => { opened++; return File.OpenRead(path); }, bytes.Length);

            var streamed = SheetFile.Open(source, "teams.csv");
            var inMemory = SheetFile.Open(bytes, "teams.csv");

            Assert.Multiple(() =>
            {
                Assert.That((streamed.Format.Encoding, streamed.Format.Delimiter), Is.EqualTo(("Windows-1252", ";")));
                Assert.That(streamed.Rows().Select(r => r.Cells), Is.EqualTo(inMemory.Rows().Select(r => r.Cells)));
                Assert.That(opened, Is.GreaterThan(1), "the file is read again from the start, not held");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The file is read in <paramref name="encoding"/>, and its last row is <paramref name="lastRow"/>.</summary>
    private static void AssertReadsAs(byte[] bytes, string encoding, params string[] lastRow)
    {
        var file = SheetFile.Open(bytes, "long.csv");

        Assert.Multiple(() =>
        {
            Assert.That(file.Format.Encoding, Is.EqualTo(encoding));
            Assert.That(file.Rows().Last().Cells, Is.EqualTo(lastRow));
        });
    }

    /// <summary>A header and one long ASCII row, so that <paramref name="lastRow"/> starts exactly <paramref name="at"/> bytes in.</summary>
    private static byte[] LongFile(int at, byte[] lastRow)
    {
        var filler = at - "Name,Note\nFiller,\n".Length;
        return [.. System.Text.Encoding.ASCII.GetBytes("Name,Note\nFiller," + new string('y', filler) + "\n"), .. lastRow];
    }

    [Test]
    public void Rows_TitleRowsBlankRowsAndTrailingEmptyColumns_AreSkippedAndValuesTrimmed()
    {
        var rows = SheetFile.Open(Corpus.File("teams-title-rows.csv")).Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 4, 5, 7 }), "blank rows are skipped; lines stay the file's");
            Assert.That(rows[0].Cells, Is.EqualTo(new[] { "Midwest Sports - Fall 2026 teams" }), "trailing empty columns are dropped");
            Assert.That(rows[2].Cells, Has.Count.EqualTo(8));
            Assert.That(rows[4].Cells, Is.EqualTo(new[] { "Herons", "Tuesday Kickball", "Milwaukee", "Fall 2026", null, "Pat Lee" }));
        });
    }

    [Test]
    public void Rows_QuotedFieldWithLineBreaks_IsOneValueAndTheNextRowKeepsItsFileLine()
    {
        var rows = SheetFile.Open(Corpus.File("teams-quoted-line-breaks.csv")).Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(rows[1][3], Is.EqualTo("Plays late;\nneeds the \"north\" field,\nthanks"));
            Assert.That(rows[2].Line, Is.EqualTo(5), "the file's line, where an admin finds it");
        });
    }

    [Test]
    public void Rows_CellsAFormulaWouldRun_AreKeptAsTextAndFlagged()
    {
        var rows = SheetFile.Open(Corpus.File("teams-formulas.csv")).Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows[1][0], Is.EqualTo("=HYPERLINK(\"http://evil.example\",\"Otters\")"));
            Assert.That(rows[1].FormulaCells, Is.EqualTo(new[] { 0, 2, 3 }), "= and + flag; -5 is a number, not a formula");
            Assert.That(rows[2].FormulaCells, Is.EqualTo(new[] { 0, 3 }), "@ and a leading tab flag");
            Assert.That(rows[2][3], Is.EqualTo("414"), "the value itself is trimmed");
        });
    }

    [TestCase("empty.csv", "empty")]
    [TestCase("picture.png", "PNG image")]
    [TestCase("not-a-workbook.xlsx", "not an Excel workbook")]
    [TestCase("password-protected.xlsx", "password-protected")]
    [TestCase("binary.csv", "not a text")]
    public void Open_NotATable_IsRefusedWithAClearMessage(string name, string says)
    {
        var refused = Assert.Throws<UnreadableFileException>(() => SheetFile.Open(Corpus.File(name), name).Rows().ToList());

        Assert.That(refused!.Message, Does.Contain(says));
    }

    [Test]
    public void Open_ZipBomb_IsRefusedBeforeInflating()
    {
        var bomb = Corpus.ZipBomb();

        var refused = Assert.Throws<UnreadableFileException>(() => SheetFile.Open(bomb, "bomb.xlsx"));

        Assert.Multiple(() =>
        {
            Assert.That(bomb, Has.Length.LessThan(1024 * 1024), "the bomb is small on the wire");
            Assert.That(refused!.Message, Does.Contain("zip bomb"));
        });
    }

    [Test]
    public void Rows_MoreThanTheLimit_ThrowsTooManyRows()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes("Team,League\n" + string.Concat(Enumerable.Repeat("Otters,Kickball\n", 1001)));

        Assert.Throws<TooManyRowsException>(() => SheetFile.Open(csv, maxRows: 1000).Rows().ToList());
    }

    [Test]
    public void Open_Workbook_ReadsTheChosenSheetWithNumbersAndDatesAsText()
    {
        var workbook = Corpus.Workbook(
            ("Read me", [["Fill in the Teams sheet"]]),
            ("Teams", [["Fall 2026 teams"], [], ["Team", "Captain Phone", "Founded", "Roster Size"], ["Otters", 4145550100d, new DateTime(2019, 4, 1), 12]]));

        var first = SheetFile.Open(workbook, "teams.xlsx");
        var chosen = SheetFile.Open(workbook, "teams.xlsx", sheet: "teams");
        var rows = chosen.Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(first.Format.Sheet, Is.EqualTo("Read me"), "the first sheet unless one is chosen");
            Assert.That(first.Format.Sheets, Is.EqualTo(new[] { "Read me", "Teams" }));
            Assert.That(chosen.Format.Sheet, Is.EqualTo("Teams"), "a sheet is chosen ignoring case");
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 1, 3, 4 }), "the sheet's row numbers; the blank row is skipped");
            Assert.That(rows[2].Cells, Is.EqualTo(new[] { "Otters", "4145550100", "2019-04-01", "12" }));
        });
    }

    [Test]
    public void Rows_AWorkbookCellHoldingANul_ReadWithoutIt()
    {
        var workbook = Corpus.Workbook(("Teams", [["Team", "Captain"], ["Ot\0ters", "\0"]]));

        var rows = SheetFile.Open(workbook, "teams.xlsx").Rows().ToList();

        Assert.That(rows[1].Cells, Is.EqualTo(new[] { "Otters" }), "PostgreSQL stores no NUL; a cell of only a NUL is blank");
    }

    [Test]
    public void Rows_AWorkbookCellHoldingALoneSurrogate_ReadWithAReplacementCharacter()
    {
        var workbook = Corpus.Workbook(("Teams", [["Team", "Captain"], ["Ot\uD800ters", "Zoë 🏀"]]));

        var rows = SheetFile.Open(workbook, "teams.xlsx").Rows().ToList();

        Assert.That(rows[1].Cells, Is.EqualTo(new[] { "Ot\uFFFDters", "Zoë 🏀" }), "a pair stays; a lone half is no character");
    }

    [Test]
    public void Rows_ACsvRecordLongerThanOneMegabyte_IsRefusedWithItsLine()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes("Team,League\nOtters,\"Kick\nball\"\n\n\"Herons,Kickball\n" + new string('x', 1_100_000) + "\n");

        var refused = Assert.Throws<UnreadableFileException>(() => SheetFile.Open(csv, "teams.csv").Rows().ToList());

        Assert.That(refused!.Message, Does.Contain("Line 5 starts").And.Contain("never closed"), "after a two-line record and a blank line");
    }

    [Test]
    public void Open_WorkbookWithoutThatSheet_NamesTheSheetsItHas()
    {
        var workbook = Corpus.Workbook(("Teams", [["Team"]]));

        var refused = Assert.Throws<UnreadableFileException>(() => SheetFile.Open(workbook, sheet: "Players"));

        Assert.That(refused!.Message, Does.Contain("no sheet named 'Players'").And.Contain("Teams"));
    }

    [TestCase("2026-09-15", "2026-09-15")]
    [TestCase("9/15/2026", "2026-09-15")]
    [TestCase("09/05/2026", "2026-09-05")]
    [TestCase("46280", "2026-09-15")]
    [TestCase(" 2026-09-15 ", "2026-09-15")]
    public void TryDate_IsoUsOrExcelSerial_ReadsTheDate(string text, string expected)
    {
        Assert.That(Cells.TryDate(text, out var date), Is.True);
        Assert.That(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("15/9/2026")]
    [TestCase("12")]
    [TestCase("next tuesday")]
    [TestCase("")]
    public void TryDate_NotADate_IsFalse(string text) => Assert.That(Cells.TryDate(text, out _), Is.False);
}
