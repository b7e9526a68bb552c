using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MidwestSports.Browser.Tests;

/// <summary>The team table as an admin uses it: sort, filter, page, share the link, export the same rows.</summary>
public sealed class TeamsPageTests
{
    [Test]
    public async Task Teams_SortFilterPageReloadExport_KeepsTheSameView()
    {
        var page = await BrowserSession.OpenAsync("/teams");
        var rows = page.GetByTestId("team-row");
        await Expect(rows).ToHaveCountAsync(25);

        // Sort by sponsor, then again for descending.
        await page.GetByTestId("sort-sponsorName").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=sponsorName"));
        await page.GetByTestId("sort-sponsorName").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=-sponsorName"));
        await Expect(rows.First.GetByTestId("cell-sponsor")).ToHaveTextAsync("Zephyr Auto");

        // Next page, then reload the address: the same rows come back.
        var firstPage = await RowsAsync(rows);
        await page.Locator(".mud-pagination-item").GetByText("2", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
        await Expect(rows).Not.ToHaveTextAsync(firstPage);
        var before = await RowsAsync(rows);
        await BrowserSession.ScreenshotAsync(page, "teams-sorted-page2");
        await page.ReloadAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(rows).ToHaveTextAsync(before);

        // Filter by sponsor: every row's sponsor matches, and the page resets to 1.
        await page.GetByTestId("filter-sponsorName").FillAsync("ale");
        await page.GetByTestId("filter-sponsorName").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sponsorName=ale"));
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
        await Expect(rows).Not.ToHaveTextAsync(before);
        var sponsors = await page.GetByTestId("cell-sponsor").AllInnerTextsAsync();
        Assert.That(sponsors, Is.Not.Empty.And.All.Contain("ale").IgnoreCase);
        await BrowserSession.ScreenshotAsync(page, "teams-filtered-by-sponsor");

        // Export: exactly the view's rows (every page of it), in its order.
        var shown = await page.GetByTestId("team-row").Locator("td:first-child").AllInnerTextsAsync();
        var href = await page.GetByTestId("export-csv").GetAttributeAsync("href");
        var csv = await (await page.Context.APIRequest.GetAsync(BrowserSession.BaseUrl + href)).TextAsync();
        var exported = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0].Trim('"')).ToList();
        var total = int.Parse((await page.GetByTestId("team-total").InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(exported.Take(shown.Count), Is.EqualTo(shown));
            Assert.That(exported, Has.Count.EqualTo(total));
        });
        await page.Context.CloseAsync();
    }

    private static async Task<string[]> RowsAsync(ILocator rows) =>
        [.. (await rows.AllInnerTextsAsync()).Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\s+", " ").Trim())];
}
