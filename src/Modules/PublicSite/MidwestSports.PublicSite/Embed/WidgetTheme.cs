using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;

namespace MidwestSports.PublicSite.Embed;

/// <summary>
/// A widget's colours from its query: <c>accent</c>, <c>bg</c> and <c>fg</c>, each <c>#rgb</c> or <c>#rrggbb</c> (the
/// <c>#</c> may be left out, since a bare <c>#</c> in a URL starts its fragment). Anything else is a 400 naming the
/// parameter, never a silent default. The text colour on the accent is chosen for contrast.
/// </summary>
internal sealed record WidgetTheme(string Accent, string Background, string Foreground)
{
    public static readonly WidgetTheme Default = new("#1f5fa8", "#ffffff", "#1d232b");

    public static readonly string[] Parameters = ["accent", "bg", "fg"];

    public static WidgetTheme From(IQueryCollection query) => new(
        Colour(query, "accent") ?? Default.Accent,
        Colour(query, "bg") ?? Default.Background,
        Colour(query, "fg") ?? Default.Foreground);

    /// <summary>Black or white, whichever reads better on the accent (WCAG relative luminance).</summary>
    public string OnAccent => Luminance(Accent) > 0.179 ? "#000000" : "#ffffff";

    /// <summary>The theme as a query string for the stylesheet (empty for the default), colours without their <c>#</c>.</summary>
    public string Query
    {
        get
        {
            var parts = new List<string>(3);
            if (Accent != Default.Accent)
            {
                parts.Add("accent=" + Accent[1..]);
            }

            if (Background != Default.Background)
            {
                parts.Add("bg=" + Background[1..]);
            }

            if (Foreground != Default.Foreground)
            {
                parts.Add("fg=" + Foreground[1..]);
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
        }
    }

    public string CssVariables =>
        $":root{{--mw-accent:{Accent};--mw-on-accent:{OnAccent};--mw-bg:{Background};--mw-fg:{Foreground}}}\n";

    private static string? Colour(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        var value = values.Count == 1 ? values[0]?.Trim() : null;
        var hex = value is not null && value.StartsWith('#') ? value[1..] : value;
        if (hex is not { Length: 3 or 6 } || !hex.All(char.IsAsciiHexDigit))
        {
            var shown = value is { Length: > 20 } ? value[..20] + "…" : value;
            throw new ValidationException([new ValidationFailure(name, $"'{shown}' is not a colour: use #rgb or #rrggbb, such as #c00 or #1f5fa8.")]);
        }

        hex = hex.ToLowerInvariant();
        return hex.Length == 3 ? $"#{hex[0]}{hex[0]}{hex[1]}{hex[1]}{hex[2]}{hex[2]}" : "#" + hex;
    }

    private static double Luminance(string colour)
    {
        static double Channel(string hex)
        {
            var c = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(colour[1..3])) + (0.7152 * Channel(colour[3..5])) + (0.0722 * Channel(colour[5..7]));
    }
}
