using MidwestSports.Import.Contracts;
using MidwestSports.Import.Mapping;
using MidwestSports.Shared.Spreadsheets;

namespace MidwestSports.Import.Tests;

/// <summary>Headers as admins write them find their fields, each with how sure the match is; the rest is listed as ignored.</summary>
public sealed class MappingTests
{
    [TestCase("Team", "name", MappingBasis.Name)]
    [TestCase("team name", "name", MappingBasis.Synonym)]
    [TestCase("SQUAD", "name", MappingBasis.Synonym)]
    [TestCase("Captain E-mail", "captainEmail", MappingBasis.Name)]
    [TestCase("captain_email", "captainEmail", MappingBasis.Name)]
    [TestCase(" Captain  Phone ", "captainPhone", MappingBasis.Name)]
    [TestCase("Sponsored by:", "sponsor", MappingBasis.Synonym)]
    [TestCase("Séason", "season", MappingBasis.Name)]
    public void Match_KnownHeaderIgnoringCaseSpacingPunctuationAccents_MapsWithFullConfidence(string header, string field, MappingBasis basis)
    {
        var column = ColumnMatcher.Match(ImportKind.Teams, [header]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(column.Field, Is.EqualTo(field));
            Assert.That(column.Basis, Is.EqualTo(basis));
            Assert.That(column.Confidence, Is.EqualTo(1.0));
        });
    }

    [TestCase("Captian Email", "captainEmail")]
    [TestCase("Sponser", "sponsor")]
    [TestCase("Leauge", "league")]
    public void Match_Misspelling_MapsAsSimilarWithLowerConfidence(string header, string field)
    {
        var column = ColumnMatcher.Match(ImportKind.Teams, [header]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(column.Field, Is.EqualTo(field));
            Assert.That(column.Basis, Is.EqualTo(MappingBasis.Similar));
            Assert.That(column.Confidence, Is.GreaterThanOrEqualTo(0.8).And.LessThan(1.0));
        });
    }

    [Test]
    public void Match_TheTeamExportsHeader_MapsEveryColumnItCanImportBack()
    {
        var columns = ColumnMatcher.Match(ImportKind.Teams, ["Team", "League", "City", "Sport", "Season", "Sponsor", "Captain", "Created (UTC)", "Id"]);

        Assert.That(columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "league", "city", "sport", "season", "sponsor", "captainName", null, "id" }));
    }

    [Test]
    public void Match_UnknownAndRepeatedColumns_AreListedAsIgnoredAndDuplicate()
    {
        var columns = ColumnMatcher.Match(ImportKind.Players, ["Player", "Email", "Notes", "E-mail", ""]);
        var teams = ColumnMatcher.Match(ImportKind.Teams, ["Notes", "Date", "Comments", "Waiver Signed"]);

        Assert.Multiple(() =>
        {
            Assert.That(columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "email", null, null, null }));
            Assert.That(columns.Select(c => c.Basis), Is.EqualTo(new[] { MappingBasis.Name, MappingBasis.Name, MappingBasis.Ignored, MappingBasis.Duplicate, MappingBasis.Ignored }));
            Assert.That(columns.Select(c => c.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
            Assert.That(teams.Select(c => c.Field), Is.All.Null, "a merely similar word is no match");
        });
    }

    [Test]
    public void Open_TitleRowsAboveTheHeader_FindsTheHeaderAndReadsRowsBelowIt()
    {
        var table = ImportTable.Open(ImportKind.Teams, Corpus.File("teams-title-rows.csv"));

        var rows = table.Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(table.HeaderLine, Is.EqualTo(4));
            Assert.That(table.MissingFields, Is.Empty);
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 5, 7 }));
            Assert.That(rows[1].Values["name"], Is.EqualTo("Herons"));
            Assert.That(rows[1].Values["city"], Is.EqualTo("Milwaukee"));
            Assert.That(rows[1].Values["captainEmail"], Is.Null);
            Assert.That(rows[0].Values["captainPhone"], Is.EqualTo("0414 555 0100"));
        });
    }

    [Test]
    public void Open_WorkbookWithTitleAndMergedLookingHeader_FindsTheHeaderInTheChosenSheet()
    {
        var workbook = Corpus.Workbook(
            ("Teams", [["Fall 2026", null, null], ["Squad", "Division", "Team Captain"], ["Otters", "Tuesday Kickball", "Casey Young"]]));

        var table = ImportTable.Open(ImportKind.Teams, workbook, "teams.xlsx");

        Assert.Multiple(() =>
        {
            Assert.That(table.HeaderLine, Is.EqualTo(2));
            Assert.That(table.Columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "league", "captainName" }));
            Assert.That(table.Rows().Single().Values["league"], Is.EqualTo("Tuesday Kickball"));
        });
    }

    [Test]
    public void Open_WorkbookWithMergedTitleAndMergedLeagueCells_FillsEachRowAndFindsTheHeader()
    {
        // A title merged across the header's width, and the league written once, merged down over its two teams.
        var workbook = Corpus.Merged(
            Corpus.Workbook(("Teams", [["Fall 2026 teams", null, null], ["Team", "League", "Captain"], ["Otters", "Tuesday Kickball", "Casey Young"], ["Herons", null, "Robin Lee"]])),
            "A1:C1", "B3:B4");

        var table = ImportTable.Open(ImportKind.Teams, workbook, "teams.xlsx");
        var rows = table.Rows().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(table.HeaderLine, Is.EqualTo(2), "the merged title is not the header");
            Assert.That(table.Columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "league", "captainName" }));
            Assert.That(rows.Select(r => (r.Line, r.Values["name"], r.Values["league"])),
                Is.EqualTo(new[] { (3, "Otters", "Tuesday Kickball"), (4, "Herons", "Tuesday Kickball") }), "a merged cell's value fills every row it spans");
        });
    }

    [Test]
    public void Open_FileWhoseHeaderMatchesNoField_SaysWhatIsMissing()
    {
        var table = ImportTable.Open(ImportKind.Teams, Corpus.File("unknown-columns.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(table.Columns.Select(c => c.Basis), Is.All.EqualTo(MappingBasis.Ignored));
            Assert.That(table.MissingFields, Is.EqualTo(new[] { "Team", "League", "Captain" }));
        });
    }

    [Test]
    public void Rows_FormulaLikeCell_NamesItsField()
    {
        var rows = ImportTable.Open(ImportKind.Teams, Corpus.File("teams-formulas.csv")).Rows().ToList();

        Assert.That(rows[0].FormulaFields, Is.EquivalentTo(new[] { "name", "captainName", "captainPhone" }));
    }

    [Test]
    public void Open_OnlyBlankLines_IsUnreadable() =>
        Assert.Throws<UnreadableFileException>(() => ImportTable.Open(ImportKind.Teams, Corpus.File("only-blank-lines.csv")));

    [TestCase("Fall 2026", "Fall", 2026)]
    [TestCase("2026 fall", "Fall", 2026)]
    [TestCase("Spring", "Spring", null)]
    [TestCase("2027", null, 2027)]
    public void Seasons_AsFilesWriteThem_AreRead(string text, string? term, int? year)
    {
        Assert.That(Planning.Seasons.TryParse(text, out var parsedTerm, out var parsedYear), Is.True);
        Assert.That((parsedTerm?.ToString(), parsedYear), Is.EqualTo((term, year)));
    }

    [TestCase("Autumn 2026")]
    [TestCase("Fall 1890")]
    public void Seasons_Unreadable_IsFalse(string text) => Assert.That(Planning.Seasons.TryParse(text, out _, out _), Is.False);
}
