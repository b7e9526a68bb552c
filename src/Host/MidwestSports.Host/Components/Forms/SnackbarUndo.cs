using MudBlazor;

namespace MidwestSports.Host.Components.Forms;

/// <summary>The one way a page says a change was made: a success snackbar, with an Undo button when the change can be put back.</summary>
public static class SnackbarUndo
{
    /// <param name="undo">What puts the change back; it runs on the page's dispatcher (the caller's <c>InvokeAsync</c>), and the page renders again after it.</param>
    public static void Saved(this ISnackbar snackbar, string message, Func<Task>? undo = null) =>
        snackbar.Add(message, MudBlazor.Severity.Success, options =>
        {
            if (undo is not null)
            {
                options.Action = "Undo";
                options.ActionColor = Color.Inherit;
                options.VisibleStateDuration = 10_000;
                options.OnClick = _ => undo();
            }
        });
}
