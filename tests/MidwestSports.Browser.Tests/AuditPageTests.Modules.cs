using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Trivia.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>Trivia's entries named like every module's, and the public change feed's machine rows kept out of the log (issue 13).</summary>
public sealed partial class AuditPageTests
{
    [Test]
    public async Task Audit_AfterTriviaRulesAndAVenueRename_NamesTheLeagueAndShowsNoChangeFeedRows()
    {
        VenueDto venue;
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("audit-page-tests");
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
            var trivia = (await sender.Send(new ListLeagues(Q: "Milwaukee Tuesday Trivia"))).Items.Single();
            await sender.Send(new SetTriviaRules(trivia.Id, new TriviaRulesFields(TriviaScoring.TotalScore, null, null, 1, null)));
            venue = await sender.Send(new CreateVenue(new VenueFields(milwaukee, "Audit Commons", "5 Audit St", ["Lawn"])));
            await sender.Send(new UpdateVenue(venue.Id, new VenueFields(milwaukee, "Audit Commons East", "5 Audit St", ["Lawn"])));
        }

        for (var i = 0; i < 100 && await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM public_site.changes WHERE entity_id = $1", venue.Id) < 2; i++)
        {
            await Task.Delay(100);
        }

        var page = await BrowserSession.OpenAsync("/audit");
        var summaries = page.GetByTestId("audit-summary");

        await Expect(summaries.Filter(new() { HasText = "Audit Commons East" }).First).ToHaveTextAsync("the system (audit-page-tests) changed venue name from Audit Commons → Audit Commons East");
        await Expect(summaries.Filter(new() { HasText = "trivia league rules" }).First).ToContainTextAsync("trivia league rules Milwaukee Tuesday Trivia");
        await BrowserSession.ScreenshotAsync(page, "audit-modules");
        var feedLines = await summaries.Filter(new() { HasText = "change log entry" }).CountAsync();
        var feedEntries = await BrowserSession.Postgres.ScalarAsync<long>("SELECT count(*) FROM public_site.audit_log");
        Assert.Multiple(() =>
        {
            Assert.That(feedLines, Is.Zero, "the change feed's rows are not audited");
            Assert.That(feedEntries, Is.Zero);
        });
        await page.Context.CloseAsync();
    }
}
