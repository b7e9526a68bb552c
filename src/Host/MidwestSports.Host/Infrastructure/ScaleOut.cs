using MidwestSports.Shared.Persistence;

namespace MidwestSports.Host.Infrastructure;

/// <summary>
/// What lets several hosts share one database and a read replica (docs/scale-out.md, docs/adr/0021-cluster-signals.md):
/// the replica's routing when <c>ConnectionStrings:PostgresReadOnly</c> is set, and read-your-writes for whoever just saved.
/// Data-protection keys (Identity), Hangfire's locks and the outbox's SKIP LOCKED need nothing here.
/// </summary>
internal static class ScaleOut
{
    public const string ReadSourceHeader = "X-Read-Source";

    public static WebApplicationBuilder AddReadReplica(this WebApplicationBuilder builder)
    {
        var readOnly = builder.Configuration.GetConnectionString("PostgresReadOnly");
        if (string.IsNullOrWhiteSpace(readOnly))
        {
            return builder;
        }

        var options = builder.Configuration.GetSection("Database:ReadReplica").Get<ReadReplicaOptions>() ?? new ReadReplicaOptions();
        if (options.MaxStaleness <= options.CheckInterval)
        {
            throw new InvalidOperationException("Database:ReadReplica:MaxStaleness must be longer than its CheckInterval.");
        }

        builder.Services.AddReadReplica(readOnly, options);
        return builder;
    }

    /// <summary>
    /// A successful change (any method but GET, HEAD, OPTIONS) sets the <see cref="PrimaryMarker"/> cookie for
    /// MaxStaleness: the client's reads in that window go to the primary, after it the replica has the change.
    /// </summary>
    public static WebApplication UseReadYourWrites(this WebApplication app)
    {
        if (app.Services.GetService<ReadReplica>() is not { } replica)
        {
            return app;
        }

        var cookie = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = replica.Options.MaxStaleness,
            Secure = app.Configuration.GetValue("Auth:SecureCookies", true),
        };
        app.Use((context, next) =>
        {
            // Says which server answered a read, for operators and tests (never which one is behind how far).
            context.Response.OnStarting(() =>
            {
                if (context.Items.ContainsKey(ReadRoute.RequestItem))
                {
                    context.Response.Headers[ReadSourceHeader] = "replica";
                }

                return Task.CompletedTask;
            });
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode < 400)
                    {
                        context.Response.Cookies.Append(PrimaryMarker.CookieName, "1", cookie);
                    }

                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }
}
