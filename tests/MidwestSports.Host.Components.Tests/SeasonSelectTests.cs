using Bunit;
using MidwestSports.Host.Components.Pickers;
using MidwestSports.Leagues.Contracts;
using MudBlazor;

namespace MidwestSports.Host.Components.Tests;

/// <summary>The season filter offers last year's to next year's seasons, newest first, and reads back what it offered.</summary>
public sealed class SeasonSelectTests : ComponentTests
{
    [Test]
    public void SeasonSelect_Opened_OffersNextYearToLastYearNewestFirst()
    {
        Context.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero)));
        var popovers = Context.Render<MudPopoverProvider>();
        var select = Context.Render<SeasonSelect>(p => p.Add(s => s.Value, "Fall 2026"));

        select.Find(".mud-select .mud-input-control").MouseDown();

        popovers.WaitForAssertion(() => Assert.That(popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()), Is.EqualTo(new[]
        {
            "Fall 2027", "Summer 2027", "Spring 2027", "Winter 2027",
            "Fall 2026", "Summer 2026", "Spring 2026", "Winter 2026",
            "Fall 2025", "Summer 2025", "Spring 2025", "Winter 2025",
        })));
    }

    [TestCase("Fall 2026", 2026, SeasonTerm.Fall)]
    [TestCase("winter 2027", 2027, SeasonTerm.Winter)]
    public void Parse_ASeasonItOffers_IsItsYearAndTerm(string season, int year, SeasonTerm term) =>
        Assert.That(SeasonSelect.Parse(season), Is.EqualTo((year, term)));

    [TestCase(null)]
    [TestCase("Fall")]
    [TestCase("Autumn 2026")]
    [TestCase("7 2026")]
    [TestCase("Fall 2026 extra")]
    public void Parse_AnAddressEditedByHand_IsNull(string? season) => Assert.That(SeasonSelect.Parse(season), Is.Null);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
