using MidwestSports.Shared.Mail;

namespace MidwestSports.Host.Infrastructure;

/// <summary>Sign-in abuse limits, security headers and the mail the password reset sends, composed for Program.cs.</summary>
internal static class WebSecurity
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSignInRateLimits(configuration);
        services.AddSingleton<WidgetPolicy>();

        // Scalar loads its fonts from its own CDN, which the API reference's policy (same origin only) refuses:
        // it uses the browser's fonts instead, and loads nothing from outside.
        services.Configure<Scalar.AspNetCore.ScalarOptions>(options => options.DefaultFonts = false);
        if (IsDevelopmentOrTesting(environment))
        {
            services.AddSingleton<DevMailbox>();
            services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<DevMailbox>());
        }
        else
        {
            services.AddSingleton<IMailSender, UnsentMail>();
        }

        return services;
    }

    /// <summary>Headers first, so that every answer carries them, the 429s of the limits included.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseSignInRateLimits();
        if (IsDevelopmentOrTesting(app.Environment))
        {
            DevMailbox.Map(app);
        }

        return app;
    }

    private static bool IsDevelopmentOrTesting(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
