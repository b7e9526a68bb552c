using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Leagues.Contracts;
using MidwestSports.Shared.Access;
using MidwestSports.Sponsors.Contracts;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The audit log as a person reads it (issue 13, item 6): a sponsor renamed in its form is one plain sentence.</summary>
public sealed partial class AuditPageTests
{
    [Test]
    public async Task Audit_AfterRenamingASponsor_ShowsWhoChangedItsNameInWordsWithoutIds()
    {
        Guid sponsorId;
        await using (var scope = BrowserSession.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = CityScope.System("audit-page-tests");
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var milwaukee = (await sender.Send(new ListCities())).Single(c => c.Name == "Milwaukee").Id;
            sponsorId = (await sender.Send(new CreateSponsor(new SponsorFields("Audit Tavern", null, null, null, null, [milwaukee])))).Id;
        }

        var page = await BrowserSession.OpenAsync($"/sponsors/{sponsorId}", BrowserSession.MilwaukeeAdminEmail);
        var name = page.GetByTestId("sponsor-name");
        await Expect(name).ToHaveValueAsync("Audit Tavern");
        await name.FillAsync("Audit Taproom");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        for (var i = 0; i < 100 && await BrowserSession.Postgres.ScalarAsync<string>("SELECT name FROM sponsors.sponsors WHERE id = $1", sponsorId) != "Audit Taproom"; i++)
        {
            await Task.Delay(100);
        }

        await page.GotoAsync(BrowserSession.BaseUrl + "/audit");
        var line = page.GetByTestId("audit-summary").Filter(new() { HasText = "Audit Taproom" }).First;
        await Expect(line).ToHaveTextAsync("Browser Milwaukee changed sponsor name from Audit Tavern → Audit Taproom");
        var table = await page.GetByTestId("audit-table").InnerTextAsync();
        await BrowserSession.ScreenshotAsync(page, "audit-readable");

        Assert.Multiple(() =>
        {
            Assert.That(GuidText().IsMatch(table), Is.False, "no ids on the page");
            Assert.That(table, Does.Not.Contain("{\"").And.Not.Contain("\"old\""), "no raw JSON");
        });
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidText();
}
