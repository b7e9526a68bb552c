using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MidwestSports.Identity.Domain;
using MidwestSports.Identity.Features;
using MidwestSports.Identity.Persistence;
using MidwestSports.Shared.Access;
using MidwestSports.Shared.Contracts;
using MidwestSports.Shared.Modules;
using MidwestSports.Shared.Persistence;
using MidwestSports.Shared.Auditing;

namespace MidwestSports.Identity;

/// <summary>
/// Users, sign-in and city grants, on ASP.NET Core Identity. The UI signs in with a cookie, the API with a bearer
/// token; a "smart" scheme picks by the Authorization header.
/// </summary>
public sealed class IdentityModule : IModule
{
    public const string SmartScheme = "CookieOrBearer";

    public string Name => "Identity";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDb>(Name, IdentityDb.SchemaName);
        services.AddAuditNames<IdentityDb, User>(u => u.Id, u => u.DisplayName);
        services.AddHttpContextAccessor();
        services.AddDataProtection().SetApplicationName("MidwestSports").PersistKeysToDbContext<IdentityDb>();

        var tokenLifetime = configuration.GetValue("Auth:TokenLifetime", TimeSpan.FromHours(1));
        var secureCookies = configuration.GetValue("Auth:SecureCookies", true);
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = tokenLifetime)
            .AddIdentityCookies();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TimeProvider>((options, time) =>
            options.BearerTokenProtector = new BearerTicketCache(options.BearerTokenProtector, time));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "midwest.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API call answers 401/403; only pages redirect to the sign-in page.
            options.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden),
                OnSigningOut = SignOutEviction.OnSigningOut,
            };
        });

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" means "not disabled": EnabledUserConfirmation
                // Identity's own lockout is per account, so anyone could lock anyone: SignInLockout counts per
                // account and client instead (docs/adr/0009-sign-in-abuse.md).
                options.Lockout.AllowedForNewUsers = false;
                options.Password.RequiredLength = 10;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(options =>
            options.TokenLifespan = configuration.GetValue("Auth:PasswordReset:TokenLifetime", TimeSpan.FromHours(1)));
        services.AddScoped<IUserConfirmation<User>, EnabledUserConfirmation>();
        services.AddSingleton(LockoutSettings.From(configuration));
        services.AddScoped<SignInLockout>();
        services.AddScoped<PasswordResetMail>();
        services.AddScoped<ICityScopeResolver, IdentityScopeResolver>();
        services.AddSingleton(sp => new UserScopeCache(
            sp.GetRequiredService<TimeProvider>(), configuration.GetValue("Auth:ScopeCacheLifetime", TimeSpan.FromMinutes(1))));
        services.AddSingleton<UserScopeBroadcast>();
        services.AddSingleton<IClusterSignalHandler>(sp => sp.GetRequiredService<UserScopeBroadcast>());
        services.AddSingleton<UserScopeInvalidation>();
        services.ConfigureDbContext<IdentityDb>((sp, options) => options.AddInterceptors(sp.GetRequiredService<UserScopeInvalidation>()));

        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.CityUser, policy => policy.RequireAuthenticatedUser().RequireRole(
                nameof(PlatformRole.CityViewer), nameof(PlatformRole.CityAdmin), nameof(PlatformRole.SystemAdmin)))
            .AddPolicy(AccessPolicies.SystemAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(nameof(PlatformRole.SystemAdmin)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SignInEndpoints.Map(endpoints);
        RequestPasswordResetEndpoint.Map(endpoints);
        ResetPasswordEndpoint.Map(endpoints);
        UserEndpoints.Map(endpoints);
        ForcePasswordResetEndpoint.Map(endpoints);
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
