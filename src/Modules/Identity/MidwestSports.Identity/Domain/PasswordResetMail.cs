using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using MidwestSports.Shared.Mail;

namespace MidwestSports.Identity.Domain;

/// <summary>The reset mail, shared by the self-service and the admin-forced reset.</summary>
internal sealed class PasswordResetMail(UserManager<User> users, IMailSender mail, IConfiguration configuration, IHttpContextAccessor http)
{
    public async Task SendAsync(User user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{BaseUrl()}/account/reset-password?email={Uri.EscapeDataString(user.Email ?? string.Empty)}&token={Uri.EscapeDataString(token)}";
        var lifetime = configuration.GetValue("Auth:PasswordReset:TokenLifetime", TimeSpan.FromHours(1));
        await mail.SendAsync(
            new MailMessage(
                user.Email ?? string.Empty,
                "Reset your Midwest Sports password",
                $"""
                Hello {user.DisplayName},

                Someone (hopefully you, or a system admin on your behalf) asked to reset your Midwest Sports password.
                Open this link within {lifetime.TotalMinutes:0} minutes to choose a new one:

                {link}

                If you did not ask for this, ignore this mail: your password stays as it is.
                """),
            ct);
    }

    // A configured public address, so that a forged Host header cannot point the link at another site.
    private string BaseUrl() =>
        configuration["Auth:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}"
            : (configuration["urls"] ?? string.Empty).Split(';')[0].TrimEnd('/'); // from the admin UI's circuit there is no request
}
