namespace MidwestSports.Shared.Messaging;

public sealed class OutboxOptions
{
    /// <summary>Publish right after commit. Off only to exercise the relay (a crash between commit and publish).</summary>
    public bool PublishAfterCommit { get; set; } = true;

    /// <summary>How often the relay looks for unpublished rows. Zero disables the relay (tests drive it by hand).</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 100;
}
