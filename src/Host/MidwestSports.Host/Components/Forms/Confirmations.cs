using MudBlazor;

namespace MidwestSports.Host.Components.Forms;

/// <summary>
/// Every destructive action asks first, naming what will happen ("Cancel Hazy Sliders at Lucky Moose, Mon Nov 24? Both
/// teams' calendars will show it cancelled."); closing the dialog or choosing the keep button changes nothing.
/// </summary>
public static class Confirmations
{
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string question, string consequence, string goAhead, string keep = "Keep it") =>
        await dialogs.ShowMessageBoxAsync(question, consequence, yesText: goAhead, cancelText: keep) == true;
}
