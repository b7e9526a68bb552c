using Microsoft.AspNetCore.Http;

namespace MidwestSports.PublicSite.Embed;

/// <summary>
/// The page around every widget: no cookies, no framework, one stylesheet and one script of this origin (the Host's
/// widget policy allows nothing else, not even inline code, so that a cached page needs no per-answer nonce).
/// </summary>
internal static class WidgetDocument
{
    public static string Render(HttpContext http, string kind, string title, WidgetTheme theme, Action<WidgetHtml> body)
    {
        var root = http.Request.PathBase.Value ?? string.Empty;
        var html = new WidgetHtml()
            .Add($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Add($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Add($"<title>{title}</title>")
            .Add($"<link rel=\"stylesheet\" href=\"{root}/embed/widget.css{theme.Query}\">")
            .Add($"<script src=\"{root}/embed/frame.js\" defer></script>")
            .Add($"</head><body><main class=\"mw\" data-widget=\"{kind}\">");
        body(html);
        return html.Add($"<footer>Midwest Sports</footer></main></body></html>\n").ToString();
    }
}
