using Mediator;
using MidwestSports.Trivia.Contracts;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Where the Host hears that a trivia league's standings moved (through the Trivia outbox). Today it records it in
/// the log; the public API's output cache (issue 10) evicts the league's tags here.
/// </summary>
internal sealed partial class TriviaStandingsChangedHandler(ILogger<TriviaStandingsChangedHandler> logger) : INotificationHandler<TriviaStandingsChanged>
{
    public ValueTask Handle(TriviaStandingsChanged notification, CancellationToken cancellationToken)
    {
        LogChanged(logger, notification.LeagueId, notification.At);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trivia standings of league {LeagueId} changed at {At}")]
    private static partial void LogChanged(ILogger logger, Guid leagueId, DateTimeOffset at);
}
