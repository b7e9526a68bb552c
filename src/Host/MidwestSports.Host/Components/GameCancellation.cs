using System.Globalization;
using MidwestSports.Host.Components.Forms;
using MidwestSports.Host.Infrastructure;
using MidwestSports.Leagues.Contracts;
using MudBlazor;

namespace MidwestSports.Host.Components;

/// <summary>
/// Cancelling a game, the same on the season page and the score sheet: the question names the game and its night, and
/// the undo puts the game back where it was (a move to its own date, time and field makes it scheduled again).
/// </summary>
internal static class GameCancellation
{
    public static string Night(GameDto game) => game.Date is { } date ? $", {date.ToString("ddd MMM d", CultureInfo.InvariantCulture)}" : string.Empty;

    public static string Name(GameDto game) => $"{game.AwayTeamName} at {game.HomeTeamName}{Night(game)}";

    public static Task<bool> ConfirmAsync(IDialogService dialogs, GameDto game) =>
        dialogs.ConfirmAsync($"Cancel {Name(game)}?",
            "Both teams' calendars will show it cancelled, and it no longer counts for the standings. You can reschedule it later.",
            "Cancel the game", "Keep the game");

    /// <summary>What undoes the cancellation of <paramref name="game"/> (as it was before), or null for an undated game.</summary>
    public static Func<Task<GameDto>>? Reinstate(ModuleSender sender, GameDto game, Func<GameDto?> cancelled) =>
        game is { Date: { } date, Start: { } start, VenueId: { } venue }
            ? () => sender.SendAsync(new MoveGame(game.Id, new MoveGameFields(date, start, venue, game.Field ?? string.Empty, game.DurationMinutes, cancelled()?.Version)))
            : null;
}
