using MidwestSports.Import.Contracts;
using MidwestSports.Import.Domain;
using MidwestSports.Import.Kinds;
using MidwestSports.Import.Kinds.Leagues;
using MidwestSports.Import.Kinds.Sponsors;
using MidwestSports.Import.Mapping;
using MidwestSports.Import.Planning;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Sponsors.Contracts;

namespace MidwestSports.Import.Tests;

/// <summary>The sponsors and leagues planners on rows as admins write them, without a database.</summary>
public sealed class KindPlannerTests
{
    private static readonly CityDto Milwaukee = new(Guid.NewGuid(), "Milwaukee", "WI", "America/Chicago", 1);

    private static readonly CityDto Chicago = new(Guid.NewGuid(), "Chicago", "IL", "America/Chicago", 1);

    private static readonly CityScope MilwaukeeAdmin = new(Guid.NewGuid(), "admin", PlatformRole.CityAdmin, new HashSet<Guid> { Milwaukee.Id });

    [Test]
    public async Task LeaguePlanner_NewLeague_IsInTheFileWithTheIdTheCommitCreatesItWith()
    {
        var importId = Guid.NewGuid();
        var row = Row(ImportKind.Leagues, ("name", "Friday Skee-Ball"), ("sport", "skee ball"), ("city", "MILWAUKEE"), ("season", "2026 Fall"), ("night", "Fri"), ("level", "Social"));

        var (plan, inFile) = await PlanLeagueAsync(importId, row);
        var (again, _) = await PlanLeagueAsync(importId, row);
        var (otherImport, _) = await PlanLeagueAsync(Guid.NewGuid(), row);

        var write = (LeagueImportRow)plan.Write!;
        var found = inFile.Find<LeagueFacts>(LeagueRowPlanner.InFileKind, "milwaukee|friday skee ball|fall 2026");
        Assert.Multiple(() =>
        {
            Assert.That(plan.Action, Is.EqualTo(RowAction.Create));
            Assert.That((write.Fields.Sport, write.Fields.Night, write.Fields.Term, write.Fields.SeasonYear, write.Fields.Status), Is.EqualTo(("Skee-Ball", DayOfWeek.Friday, SeasonTerm.Fall, 2026, LeagueStatus.Draft)));
            Assert.That(found?.LeagueId, Is.EqualTo(write.NewLeagueId).And.Not.Null, "a later sheet finds it by city, name and season");
            Assert.That(((LeagueImportRow)again.Write!).NewLeagueId, Is.EqualTo(write.NewLeagueId), "the preview and the commit plan the same id");
            Assert.That(((LeagueImportRow)otherImport.Write!).NewLeagueId, Is.Not.EqualTo(write.NewLeagueId));
        });
    }

    [TestCase("Tue", DayOfWeek.Tuesday)]
    [TestCase("TUES", DayOfWeek.Tuesday)]
    [TestCase("Tuesdays", DayOfWeek.Tuesday)]
    [TestCase("th", DayOfWeek.Thursday)]
    [TestCase("Sat.", DayOfWeek.Saturday)]
    [TestCase("T", null)]
    [TestCase("Funday", null)]
    public async Task LeaguePlanner_Night_ReadAsAdminsWriteIt(string night, DayOfWeek? expected)
    {
        var (plan, _) = await PlanLeagueAsync(Guid.NewGuid(), Row(ImportKind.Leagues, ("name", "Kickball"), ("sport", "Kickball"), ("city", "Milwaukee"), ("season", "Fall 2026"), ("night", night), ("level", "Rec")));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Action == RowAction.Create ? ((LeagueImportRow)plan.Write!).Fields.Night : (DayOfWeek?)null, Is.EqualTo(expected));
            Assert.That(plan.Problems.Select(p => p.Code), expected is null ? (NUnit.Framework.Constraints.IResolveConstraint)Does.Contain("invalid_night") : Is.Empty);
        });
    }

    [Test]
    public async Task SponsorPlanner_OneSponsorSpelledThreeWays_OneCreateAndTwoDuplicates()
    {
        var planner = SponsorPlanner([]);

        var plans = new List<RowPlan>();
        foreach (var (line, name) in new[] { (2, "Joe's Pub"), (3, "Joes Pub"), (4, "JOE'S PUB") })
        {
            plans.Add(await planner.PlanAsync(Row(ImportKind.Sponsors, line, ("name", name), ("cities", "Milwaukee")), null, CancellationToken.None));
        }

        Assert.Multiple(() =>
        {
            Assert.That(plans.Select(p => p.Action), Is.EqualTo(new[] { RowAction.Create, RowAction.Error, RowAction.Error }));
            Assert.That(plans.Skip(1).Select(p => p.Problems.Single().Message), Is.All.EqualTo("Line 2 already imports Joe's Pub."));
        });
    }

    [Test]
    public async Task SponsorPlanner_CitiesSeparatedAnyWay_EachMatchedOrNamedAsNotYours()
    {
        var planner = SponsorPlanner([]);

        var mine = await planner.PlanAsync(Row(ImportKind.Sponsors, 2, ("name", "A"), ("cities", " milwaukee ;MILWAUKEE")), null, CancellationToken.None);
        var theirs = await planner.PlanAsync(Row(ImportKind.Sponsors, 3, ("name", "B"), ("cities", "Milwaukee | Chicago")), null, CancellationToken.None);
        var unknown = await planner.PlanAsync(Row(ImportKind.Sponsors, 4, ("name", "C"), ("cities", "Milwaukee, Milwauke")), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(((SponsorImportRow)mine.Write!).Fields.CityIds, Is.EqualTo(new[] { Milwaukee.Id }));
            Assert.That(theirs.Problems.Single().Message, Is.EqualTo("Chicago is not in your cities."));
            Assert.That(unknown.Problems.Single().Message, Is.EqualTo("No city named Milwauke. Did you mean Milwaukee?"));
        });
    }

    [Test]
    public async Task SponsorPlanner_CitiesOfOnlySeparatorsOrAnEmailWithTwoAts_AreErrorRows()
    {
        var existing = new SponsorDto(Guid.NewGuid(), "Joe's Pub", "Jo", "jo@joes.example", null, null, [Milwaukee.Id], true, 3, DateTimeOffset.UtcNow);
        var planner = SponsorPlanner([existing]);

        var newOne = await planner.PlanAsync(Row(ImportKind.Sponsors, 2, ("name", "Brew Hall"), ("cities", " , ;")), null, CancellationToken.None);
        var known = await planner.PlanAsync(Row(ImportKind.Sponsors, 3, ("name", "Joes Pub"), ("cities", ",")), null, CancellationToken.None);
        var email = await planner.PlanAsync(Row(ImportKind.Sponsors, 4, ("name", "Ale House"), ("cities", "Milwaukee"), ("email", "ale@house@example.org")), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((newOne.Action, newOne.Problems.Single().Code), Is.EqualTo((RowAction.Error, "required")), "no city named: not an exception");
            Assert.That((known.Action, known.Problems.Single().Code), Is.EqualTo((RowAction.Error, "required")), "a sponsor is never left without cities");
            Assert.That((email.Action, email.Problems.Single().Code), Is.EqualTo((RowAction.Error, "invalid_email")), "the Sponsors module wants one @");
        });
    }

    [Test]
    public async Task SponsorPlanner_NamesOfOnlySymbols_MatchOnlyThemselves()
    {
        var ball = new SponsorDto(Guid.NewGuid(), "🏀", "Jo", null, null, null, [Milwaukee.Id], true, 1, DateTimeOffset.UtcNow);
        var planner = SponsorPlanner([ball]);

        var same = await planner.PlanAsync(Row(ImportKind.Sponsors, 2, ("name", " 🏀 "), ("contactName", "Jo")), null, CancellationToken.None);
        var other = await planner.PlanAsync(Row(ImportKind.Sponsors, 3, ("name", "⚽"), ("cities", "Milwaukee")), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((same.Action, same.TargetId), Is.EqualTo((RowAction.Unchanged, (Guid?)ball.Id)));
            Assert.That((other.Action, other.TargetId), Is.EqualTo((RowAction.Create, (Guid?)null)), "⚽ is not 🏀: no key in common");
        });
    }

    [Test]
    public async Task SponsorPlanner_ExistingSponsor_ComparesOnlyMappedColumnsAndNeverRenames()
    {
        var existing = new SponsorDto(Guid.NewGuid(), "Joe's Pub", "Jo", "jo@joes.example", "414-555-0100", null, [Milwaukee.Id], true, 3, DateTimeOffset.UtcNow);
        var planner = SponsorPlanner([existing]);

        var same = await planner.PlanAsync(Row(ImportKind.Sponsors, 2, ("name", "JOES PUB"), ("contactName", "Jo")), null, CancellationToken.None);
        var planner2 = SponsorPlanner([existing]);
        var changed = await planner2.PlanAsync(Row(ImportKind.Sponsors, 2, ("name", "joes pub"), ("contactName", "Joanna"), ("website", "www.joes.example")), null, CancellationToken.None);

        var write = (SponsorImportRow)changed.Write!;
        Assert.Multiple(() =>
        {
            Assert.That(same.Action, Is.EqualTo(RowAction.Unchanged), "email and phone are not in the file, the cities cell is blank: not compared");
            Assert.That(changed.Changes.Select(c => (c.Field, c.To)), Is.EqualTo(new[] { ("contactName", "Joanna"), ("website", "https://www.joes.example") }));
            Assert.That((write.SponsorId, write.ExpectedVersion, write.Fields.Name, write.Fields.Email), Is.EqualTo(((Guid?)existing.Id, (long?)3, "Joe's Pub", "jo@joes.example")));
        });
    }

    private static async Task<(RowPlan Plan, InFileRecords InFile)> PlanLeagueAsync(Guid importId, ImportRow row)
    {
        var inFile = new InFileRecords();
        var context = new PlanningContext(importId, MilwaukeeAdmin, null, Headers(ImportKind.Leagues, row), inFile);
        var planner = new LeagueRowPlanner([], new CityNames([Milwaukee, Chicago], MilwaukeeAdmin), context);
        return (await planner.PlanAsync(row, null, CancellationToken.None), inFile);
    }

    private static SponsorRowPlanner SponsorPlanner(IReadOnlyList<SponsorDto> sponsors) =>
        new(sponsors, new CityNames([Milwaukee, Chicago], MilwaukeeAdmin),
            new PlanningContext(Guid.NewGuid(), MilwaukeeAdmin, null, new ColumnHeaders(ImportKind.Sponsors, Columns("name", "contactName", "website", "cities")), new InFileRecords()));

    private static ImportRow Row(ImportKind kind, params (string Field, string? Value)[] values) => Row(kind, 2, values);

    private static ImportRow Row(ImportKind kind, int line, params (string Field, string? Value)[] values) =>
        new(line, values.ToDictionary(v => v.Field, v => v.Value), []);

    private static ColumnHeaders Headers(ImportKind kind, ImportRow row) => new(kind, Columns([.. row.Values.Keys]));

    private static List<ColumnMappingDto> Columns(params string[] fields) =>
        [.. fields.Select((f, i) => new ColumnMappingDto(i, f, f, 1, MappingBasis.Name))];
}
