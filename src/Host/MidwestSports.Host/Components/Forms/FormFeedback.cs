using FluentValidation;
using MidwestSports.Host.Infrastructure;
using MidwestSports.Shared.Errors;
using MudBlazor;

namespace MidwestSports.Host.Components.Forms;

/// <summary>
/// The one form helper: runs a save or delete and turns what went wrong into what a form shows. Field errors go beside
/// their fields; a stale edit (someone else saved since the form was opened) says so and offers a reload instead of
/// overwriting their change; any other expected failure is a message. Given the page's snackbar, every success is also
/// announced there (it stays visible after the page navigates), with an Undo button where the domain allows one.
/// </summary>
public sealed class FormFeedback(ISnackbar? snackbar = null)
{
    public const string StaleMessage = "This was changed by someone else since you opened it. Nothing was saved: reload to see their change, then make yours again.";

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>The last attempt lost to someone else's save: the form should offer a reload.</summary>
    public bool Stale { get; private set; }

    /// <summary>What a conflict carried beside its message (an import's rows whose data changed since the preview).</summary>
    public object? Details { get; private set; }

    /// <summary>Whether the field, or an item of it when it is a list (<c>fields[2]</c>), is wrong.</summary>
    public bool Has(string field) => Errors.Keys.Any(k => Covers(field, k));

    /// <summary>What is wrong with the field, and with each of its items when it is a list: one text to show beside it.</summary>
    public string? ErrorFor(string field)
    {
        var messages = Errors.Where(e => Covers(field, e.Key)).SelectMany(e => e.Value).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private static bool Covers(string field, string key) =>
        key == field || (key.Length > field.Length && key[field.Length] == '[' && key.StartsWith(field, StringComparison.Ordinal));

    public void Clear()
    {
        Errors = [];
        Message = null;
        Succeeded = false;
        Stale = false;
        Details = null;
    }

    /// <summary>Shows a failure the form did not expect as its message (the caller logs it).</summary>
    public void Fail(string message)
    {
        Clear();
        Message = message;
    }

    /// <summary>Runs a change whose success is told in words only it knows ("Schedule saved: 28 games.").</summary>
    /// <param name="action">The change; it returns what the admin is told when it worked.</param>
    /// <param name="undo">What puts it back, offered on the snackbar.</param>
    public async Task<bool> RunAndSayAsync(Func<Task<string>> action, Func<Task>? undo = null)
    {
        string? said = null;
        if (!await RunAsync(async () => said = await action(), success: string.Empty))
        {
            return false;
        }

        Message = said;
        snackbar?.Saved(said ?? "Saved.", undo);
        return true;
    }

    /// <summary>
    /// Runs a change offered on the snackbar (an undo) whose page may be gone by the time it is clicked: success and
    /// failure alike are said on the snackbar, a failure with what each field got wrong.
    /// </summary>
    /// <param name="action">The change; it returns what the admin is told when it worked.</param>
    /// <param name="failed">What the admin is told before the problem when it did not ("Could not restore Otters.").</param>
    public async Task<bool> RunFromSnackbarAsync(Func<Task<string>> action, string failed)
    {
        if (await RunAndSayAsync(action))
        {
            return true;
        }

        var problem = Errors.Count > 0 ? string.Join(" ", Errors.Values.SelectMany(e => e)) : Message;
        snackbar?.Add($"{failed} {problem}", MudBlazor.Severity.Error);
        return false;
    }

    /// <param name="action">The save or delete.</param>
    /// <param name="success">What the admin is told when it worked, in their words.</param>
    /// <param name="undo">What puts it back, offered on the snackbar (for example re-activating a sponsor).</param>
    public async Task<bool> RunAsync(Func<Task> action, string success = "Saved.", Func<Task>? undo = null)
    {
        Clear();
        try
        {
            await action();
            Succeeded = true;
            Message = success;
            if (success.Length > 0)
            {
                snackbar?.Saved(success, undo);
            }
        }
        catch (ValidationException ex)
        {
            Errors = ProblemDetailsExceptionHandler.ToErrors(ex);
            Message = "Please correct the highlighted fields.";
        }
        catch (PreconditionFailedException)
        {
            Stale = true;
            Message = StaleMessage;
        }
        catch (ConflictException ex) when (ex.Field is { } field)
        {
            Errors = new Dictionary<string, string[]> { [field] = [ex.Message] };
            Message = ex.Message;
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            Details = (ex as ConflictException)?.Details;
        }

        return Succeeded;
    }
}
