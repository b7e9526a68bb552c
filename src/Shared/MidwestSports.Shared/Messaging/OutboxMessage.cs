namespace MidwestSports.Shared.Messaging;

/// <summary>
/// An integration event recorded in the same transaction as the change that raised it. Published
/// in-process right after commit; the relay retries whatever is still unprocessed.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The event's CLR type, assembly-qualified without version, e.g. "MidwestSports.Leagues.Contracts.CityRenamed, MidwestSports.Leagues.Contracts".</summary>
    public string Type { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    internal static OutboxMessage Create(Guid id, string type, string payload, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type,
        Payload = payload,
        OccurredAt = now,
        NextAttemptAt = now,
    };

    internal void MarkProcessed(DateTimeOffset now)
    {
        ProcessedAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Exponential back-off capped at 10 minutes: 2, 4, 8 … seconds.</summary>
    internal void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now.AddSeconds(Math.Min(600, Math.Pow(2, Math.Min(Attempts, 10))));
    }
}

/// <summary>The record that one handler applied one event: written in the handler's own transaction.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Handler { get; set; } = string.Empty;

    public DateTimeOffset ProcessedAt { get; set; }
}
