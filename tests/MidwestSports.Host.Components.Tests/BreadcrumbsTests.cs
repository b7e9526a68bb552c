using Bunit;
using Microsoft.AspNetCore.Components;
using MidwestSports.Host.Components.Layout;
using MidwestSports.Host.Infrastructure;

namespace MidwestSports.Host.Components.Tests;

/// <summary>
/// The way back from a page below a list, read from the address. Addresses with an id ask the owning module for its
/// name, which needs the app's modules and database: those are covered by the browser tests.
/// </summary>
public sealed class BreadcrumbsTests : ComponentTests
{
    [SetUp]
    public void AddSender()
    {
        Context.AddAuthorization();
        Context.Services.AddSingleton<ModuleSender>();
    }

    [Test]
    public void Breadcrumbs_NewTeamPage_LeadHomeThenToTeams()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/teams/new");

        var crumbs = Context.Render<Breadcrumbs>();

        Assert.That(Items(crumbs), Is.EqualTo(new[] { ("Home", "/"), ("Teams", "/teams"), ("New team", Current) }));
    }

    [Test]
    public void Breadcrumbs_ATopLevelList_ShowNone()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/leagues");

        var crumbs = Context.Render<Breadcrumbs>();

        Assert.That(crumbs.FindAll("[data-testid=breadcrumbs]"), Is.Empty);
    }

    [Test]
    public void Breadcrumbs_APageOutsideTheSections_ShowNone()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/venues/new");

        var crumbs = Context.Render<Breadcrumbs>();

        Assert.That(crumbs.FindAll("[data-testid=breadcrumbs]"), Is.Empty);
    }

    [Test]
    public void Breadcrumbs_AfterNavigating_FollowTheNewAddress()
    {
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/teams/new");
        var crumbs = Context.Render<Breadcrumbs>();

        navigation.NavigateTo("/sponsors/new");

        crumbs.WaitForAssertion(() => Assert.That(Items(crumbs), Is.EqualTo(new[] { ("Home", "/"), ("Sponsors", "/sponsors"), ("New sponsor", Current) })));
        navigation.NavigateTo("/");
        crumbs.WaitForAssertion(() => Assert.That(crumbs.FindAll("[data-testid=breadcrumbs]"), Is.Empty));
    }

    /// <summary>What <see cref="Items"/> says of the page itself: a disabled crumb, no way to go.</summary>
    private const string Current = "(current page)";

    /// <summary>Each crumb's text, and where it links, or <see cref="Current"/> for the page itself.</summary>
    private static (string Text, string? Href)[] Items(IRenderedComponent<Breadcrumbs> crumbs) =>
        [.. crumbs.FindAll("[data-testid=breadcrumbs] li.mud-breadcrumb-item").Select(li =>
            (li.TextContent.Trim(), li.ClassList.Contains("mud-disabled") ? Current : li.QuerySelector("a")?.GetAttribute("href")))];
}
