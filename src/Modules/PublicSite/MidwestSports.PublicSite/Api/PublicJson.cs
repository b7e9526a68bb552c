using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MidwestSports.PublicSite.Api;

/// <summary>
/// A public answer: the payload's bytes with a strong ETag (a hash of them), Last-Modified from its <c>updatedAt</c>,
/// and the caching headers. A matching <c>If-None-Match</c> (or, without one, an <c>If-Modified-Since</c> not older
/// than the data) gets 304 with no body, as RFC 9110 says; HEAD gets the headers of GET. Once stored, the output cache
/// answers the same way from memory.
/// </summary>
internal sealed class PublicResult(byte[] body, string contentType, DateTimeOffset updatedAt) : IResult
{
    public const string CacheControl = "public, max-age=30, stale-while-revalidate=300";

    public static PublicResult Json<T>(HttpContext context, T payload, DateTimeOffset updatedAt)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return new PublicResult(JsonSerializer.SerializeToUtf8Bytes(payload, options), "application/json; charset=utf-8", updatedAt);
    }

    public static PublicResult Text(string text, string contentType, DateTimeOffset updatedAt) =>
        new(System.Text.Encoding.UTF8.GetBytes(text), contentType, updatedAt);

    public static string ETagOf(ReadOnlySpan<byte> body) =>
        $"\"{Convert.ToBase64String(SHA256.HashData(body).AsSpan(0, 18)).Replace('+', '-').Replace('/', '_')}\"";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var etag = ETagOf(body);
        var lastModified = DateTimeOffset.FromUnixTimeSeconds(updatedAt.ToUnixTimeSeconds());
        response.Headers.ETag = etag;
        response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = CacheControl;
        // CORS answers differ by Origin: shared caches between here and the browser must keep them apart.
        response.Headers.Vary = "Origin";
        if (NotModified(httpContext.Request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } candidates)
        {
            // Weak comparison, as RFC 9110 asks for If-None-Match.
            var current = EntityTagHeaderValue.Parse(etag);
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }
}
