namespace MidwestSports.Shared.Mail;

/// <summary>A plain-text mail to one person.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>
/// Sends mail. Pluggable: Development and Testing keep mail in a dev inbox and the log; production plugs in
/// its own transport (SMTP or a mail API) by registering another implementation.
/// </summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
