using Bunit;
using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Host.Components.Forms;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Host.Components.Tests;

/// <summary>What a form says under its fields after a save: nothing before one, then success, error or a stale warning with Reload.</summary>
public sealed class FormMessageTests : ComponentTests
{
    [Test]
    public void FormMessage_BeforeAnySave_RendersNothing()
    {
        var message = Context.Render<FormMessage>(p => p.Add(m => m.Feedback, new FormFeedback()));

        Assert.That(message.Markup.Trim(), Is.Empty);
    }

    [Test]
    public async Task FormMessage_AfterASave_IsASuccessAlertWithTheFormsTestId()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(() => Task.CompletedTask, "Saved Kick Pics.");

        var message = Context.Render<FormMessage>(p => p.Add(m => m.Feedback, feedback).Add(m => m.TestId, "team-message"));

        var alert = message.Find("[data-testid=team-message]");
        Assert.That(alert.TextContent.Trim(), Is.EqualTo("Saved Kick Pics."));
        Assert.That(alert.ClassList, Does.Contain("mud-alert-text-success"));
        Assert.That(message.FindAll("[data-testid=form-reload]"), Is.Empty);
    }

    [Test]
    public async Task FormMessage_AfterBadInput_IsAnErrorAlertAskingForTheHighlightedFields()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(() => throw new ValidationException([new ValidationFailure("Name", "Name is required.")]));

        var message = Context.Render<FormMessage>(p => p.Add(m => m.Feedback, feedback));

        var alert = message.Find("[data-testid=form-message]");
        Assert.That(alert.TextContent.Trim(), Is.EqualTo("Please correct the highlighted fields."));
        Assert.That(alert.ClassList, Does.Contain("mud-alert-text-error"));
    }

    [Test]
    public async Task FormMessage_AfterAStaleSave_WarnsAndItsReloadButtonCallsTheForm()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(() => throw new PreconditionFailedException("Sponsor", 1, 2));
        var reloaded = 0;

        var message = Context.Render<FormMessage>(p => p.Add(m => m.Feedback, feedback).Add(m => m.OnReload, () => reloaded++));

        var alert = message.Find("[data-testid=form-message]");
        Assert.That(alert.ClassList, Does.Contain("mud-alert-text-warning"));
        Assert.That(alert.TextContent, Does.Contain(FormFeedback.StaleMessage));
        message.Find("[data-testid=form-reload]").Click();
        Assert.That(reloaded, Is.EqualTo(1));
    }

    [Test]
    public async Task FormMessage_StaleWithoutAReload_OffersNoButton()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(() => throw new PreconditionFailedException("Venue", 1, 2));

        var message = Context.Render<FormMessage>(p => p.Add(m => m.Feedback, feedback));

        Assert.That(message.Find("[data-testid=form-message]").TextContent, Does.Contain(FormFeedback.StaleMessage));
        Assert.That(message.FindAll("[data-testid=form-reload]"), Is.Empty);
    }
}
