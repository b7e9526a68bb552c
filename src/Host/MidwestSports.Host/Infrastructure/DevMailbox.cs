using System.Collections.Concurrent;
using System.Net;
using MidwestSports.Shared.Mail;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// Development and Testing mail: written to the log and kept (the latest 50) for the dev inbox page /dev/mail,
/// so a reset link can be followed without a mail server. Never registered elsewhere.
/// </summary>
internal sealed class DevMailbox(ILogger<DevMailbox> logger) : IMailSender
{
    private const int Kept = 50;
    private readonly ConcurrentQueue<(DateTimeOffset At, MailMessage Message)> mail = new();

    public IReadOnlyList<(DateTimeOffset At, MailMessage Message)> Latest => [.. mail.Reverse()];

    public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Dev mail to {To}: {Subject}\n{Body}", message.To, message.Subject, message.Body);
        mail.Enqueue((DateTimeOffset.UtcNow, message));
        while (mail.Count > Kept && mail.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>The dev inbox: anonymous on purpose (a reset mail is read while signed out), mapped only in Development and Testing.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dev/mail", (DevMailbox box) =>
            {
                var items = string.Concat(box.Latest.Select(m =>
                    $"<article data-testid=\"dev-mail\"><h2>{WebUtility.HtmlEncode(m.Message.Subject)}</h2><p>To {WebUtility.HtmlEncode(m.Message.To)} at {m.At:u}</p>"
                    + $"<pre>{WebUtility.HtmlEncode(m.Message.Body)}</pre></article>"));
                return Results.Content(
                    $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dev mail · Midwest Sports</title></head><body><h1>Dev mail</h1>{(items.Length == 0 ? "<p>No mail yet.</p>" : items)}</body></html>",
                    "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}

/// <summary>Outside Development and Testing until a real transport is plugged in: says loudly that nothing was sent.</summary>
internal sealed class UnsentMail(ILogger<UnsentMail> logger) : IMailSender
{
    public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        // The body holds a reset token: it is not logged here, where logs may be shipped elsewhere.
        logger.LogError("No mail transport is configured: the mail {Subject} to {To} was not sent", message.Subject, message.To);
        return Task.CompletedTask;
    }
}
