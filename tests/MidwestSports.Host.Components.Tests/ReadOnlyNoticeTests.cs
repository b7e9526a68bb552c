using Bunit;
using MidwestSports.Host.Components.Forms;

namespace MidwestSports.Host.Components.Tests;

/// <summary>A viewer is told plainly that the form is for reading; a writer sees no notice.</summary>
public sealed class ReadOnlyNoticeTests : ComponentTests
{
    [Test]
    public void ReadOnlyNotice_Viewer_SaysWhatTheyCanViewAndWhy()
    {
        var notice = Context.Render<ReadOnlyNotice>(p => p.Add(n => n.CanWrite, false).Add(n => n.What, "sponsor"));

        Assert.That(notice.Find("[data-testid=read-only-notice]").TextContent.Trim(),
            Is.EqualTo("You can view this sponsor but not change it: your role in its city is viewer."));
    }

    [Test]
    public void ReadOnlyNotice_Writer_RendersNothing()
    {
        var notice = Context.Render<ReadOnlyNotice>(p => p.Add(n => n.CanWrite, true).Add(n => n.What, "team"));

        Assert.That(notice.Markup.Trim(), Is.Empty);
    }
}
