using System.Text;
using MidwestSports.PublicSite.Api;

namespace MidwestSports.PublicSite.Embed;

/// <summary>
/// The loader a website includes, and the stylesheet and script of the widget pages, read once from the module's
/// embedded resources. Last-Modified is the module's build, so a deploy that changes them is never answered 304.
/// </summary>
internal static class EmbedAssets
{
    private static readonly DateTimeOffset Built = BuildTime();
    private static readonly string LoaderText = Read("widget.js");
    private static readonly string FrameText = Read("frame.js");
    private static readonly string StyleText = Read("widget.css");
    private static readonly string DefaultStylesheet = WidgetTheme.Default.CssVariables + StyleText;

    private const string JavaScript = "text/javascript; charset=utf-8";

    public static PublicResult Loader => PublicResult.Text(LoaderText, JavaScript, Built);

    public static PublicResult FrameScript => PublicResult.Text(FrameText, JavaScript, Built);

    public static PublicResult Stylesheet(WidgetTheme theme) =>
        PublicResult.Text(theme == WidgetTheme.Default ? DefaultStylesheet : theme.CssVariables + StyleText, "text/css; charset=utf-8", Built);

    private static string Read(string name)
    {
        var assembly = typeof(EmbedAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"MidwestSports.PublicSite.Embed.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static DateTimeOffset BuildTime()
    {
        var location = typeof(EmbedAssets).Assembly.Location;
        return location.Length > 0 && File.Exists(location) ? new DateTimeOffset(File.GetLastWriteTimeUtc(location), TimeSpan.Zero) : DateTimeOffset.UtcNow;
    }
}
