using Bunit;
using FluentValidation;
using FluentValidation.Results;
using MidwestSports.Host.Components.Forms;
using MidwestSports.Shared.Errors;
using MudBlazor;

namespace MidwestSports.Host.Components.Tests;

/// <summary>The one form helper: what each kind of failure leaves for the form to show, and what a success says.</summary>
public sealed class FormFeedbackTests : ComponentTests
{
    [Test]
    public async Task RunAsync_ValidationFailure_PutsEachMessageUnderItsFieldAsTheApiSpellsIt()
    {
        var feedback = new FormFeedback();

        var saved = await feedback.RunAsync(() => throw new ValidationException(
        [
            new ValidationFailure("Name", "Name is required."),
            new ValidationFailure("CaptainEmail", "Captain email must be an email address, like name@example.org."),
        ]));

        Assert.That(saved, Is.False);
        Assert.That(feedback.Succeeded, Is.False);
        Assert.That(feedback.Message, Is.EqualTo("Please correct the highlighted fields."));
        Assert.That(feedback.ErrorFor("name"), Is.EqualTo("Name is required."));
        Assert.That(feedback.ErrorFor("captainEmail"), Is.EqualTo("Captain email must be an email address, like name@example.org."));
        Assert.That(feedback.Has("rosterSize"), Is.False);
        Assert.That(feedback.ErrorFor("rosterSize"), Is.Null);
    }

    [Test]
    public async Task ErrorFor_AListWithAWrongItem_ShowsTheItemsMessagesBesideTheList()
    {
        var feedback = new FormFeedback();

        await feedback.RunAsync(() => throw new ValidationException(
        [
            new ValidationFailure("Fields", "Field names must differ."),
            new ValidationFailure("Fields[2]", "Fields must be 60 characters or fewer."),
            new ValidationFailure("FieldsNote", "Fields note is required."),
        ]));

        Assert.That(feedback.Has("fields"), Is.True);
        Assert.That(feedback.ErrorFor("fields"), Is.EqualTo("Field names must differ. Fields must be 60 characters or fewer."));
        Assert.That(feedback.ErrorFor("fieldsNote"), Is.EqualTo("Fields note is required."), "a field whose name starts like the list's is not the list");
    }

    [Test]
    public async Task RunAsync_SomeoneElseSavedFirst_IsStaleWithTheReloadMessageAndNoFieldErrors()
    {
        var feedback = new FormFeedback();

        var saved = await feedback.RunAsync(() => throw new PreconditionFailedException("Team", 3, 4));

        Assert.That(saved, Is.False);
        Assert.That(feedback.Stale, Is.True);
        Assert.That(feedback.Message, Is.EqualTo(FormFeedback.StaleMessage));
        Assert.That(feedback.Errors, Is.Empty);
    }

    [Test]
    public async Task RunAsync_ConflictOnAField_ShowsItBesideThatFieldAndAsTheMessage()
    {
        var feedback = new FormFeedback();

        await feedback.RunAsync(() => throw new ConflictException("A city named 'Madison' already exists.", "name"));

        Assert.That(feedback.ErrorFor("name"), Is.EqualTo("A city named 'Madison' already exists."));
        Assert.That(feedback.Message, Is.EqualTo("A city named 'Madison' already exists."));
        Assert.That(feedback.Stale, Is.False);
    }

    [Test]
    public async Task RunAsync_AfterAFailureThenASuccess_ForgetsTheOldErrors()
    {
        var feedback = new FormFeedback();
        await feedback.RunAsync(() => throw new ValidationException([new ValidationFailure("Name", "Name is required.")]));

        var saved = await feedback.RunAsync(() => Task.CompletedTask, "Saved Bay View.");

        Assert.That(saved, Is.True);
        Assert.That(feedback.Succeeded, Is.True);
        Assert.That(feedback.Message, Is.EqualTo("Saved Bay View."));
        Assert.That(feedback.Has("name"), Is.False);
    }

    [Test]
    public async Task RunAndSayAsync_Success_TellsTheSnackbarItsOwnWordsWithAnUndoThatPutsItBack()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var feedback = new FormFeedback(Snackbar);
        var undone = false;

        var saved = await feedback.RunAndSayAsync(() => Task.FromResult("Schedule saved: 28 games."), () =>
        {
            undone = true;
            return Task.CompletedTask;
        });

        Assert.That(saved, Is.True);
        Assert.That(feedback.Message, Is.EqualTo("Schedule saved: 28 games."));
        snackbars.WaitForAssertion(() => Assert.That(snackbars.Find(".mud-snackbar").TextContent, Does.Contain("Schedule saved: 28 games.")));
        var undo = snackbars.FindAll(".mud-snackbar button").Single(b => b.TextContent.Trim() == "Undo");
        await undo.ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Assert.That(undone, Is.True);
    }

    [Test]
    public async Task RunAndSayAsync_Failure_SaysNothingOnTheSnackbar()
    {
        var snackbars = Context.Render<MudSnackbarProvider>();
        var feedback = new FormFeedback(Snackbar);

        var saved = await feedback.RunAndSayAsync(() => throw new ConflictException("The season has started: its schedule is fixed."));

        Assert.That(saved, Is.False);
        Assert.That(feedback.Message, Is.EqualTo("The season has started: its schedule is fixed."));
        Assert.That(Snackbar.ShownSnackbars, Is.Empty);
        Assert.That(snackbars.FindAll(".mud-snackbar"), Is.Empty);
    }
}
