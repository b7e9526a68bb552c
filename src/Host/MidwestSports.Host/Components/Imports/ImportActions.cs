using Microsoft.Extensions.Logging;
using MidwestSports.Host.Components.Forms;

namespace MidwestSports.Host.Components.Imports;

/// <summary>
/// Runs a wizard action through the form helper, and keeps what the helper does not expect (a command the backend does
/// not offer yet, a lost connection to the database) on the page as a message instead of ending the circuit.
/// </summary>
internal static class ImportActions
{
    public static async Task<bool> RunAsync(this FormFeedback feedback, Func<Task> action, string success, ILogger logger)
    {
        try
        {
            return await feedback.RunAsync(action, success);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import wizard action failed");
            feedback.Fail($"That did not work: {ex.Message} Nothing was lost; try again, or reload the page.");
            return false;
        }
    }

    /// <summary>Every message a failed validation carried, for a step whose errors belong to no field of a form.</summary>
    public static IEnumerable<string> AllErrors(this FormFeedback feedback) => feedback.Errors.Values.SelectMany(e => e).Distinct();
}
