using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MidwestSports.PublicSite.Embed;

/// <summary>
/// Markup built from interpolated strings in which the literal parts are this code's own markup and every hole is
/// HTML-encoded: a team named <c>&lt;script&gt;</c> is shown, never run. There is no way to add unencoded text from
/// a value, so a widget cannot forget to encode one.
/// </summary>
internal sealed class WidgetHtml
{
    // Letters of every script stay as they are (a team called "Zürich"); markup characters and quotes are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder builder = new(4096);

    public WidgetHtml Add([InterpolatedStringHandlerArgument("")] ref Fragment fragment) => this;

    public override string ToString() => builder.ToString();

    public static string Encode(string text) => Encoder.Encode(text);

    [InterpolatedStringHandler]
    internal readonly ref struct Fragment
    {
        private readonly StringBuilder builder;

        public Fragment(int literalLength, int formattedCount, WidgetHtml html)
        {
            _ = formattedCount;
            builder = html.builder;
            builder.EnsureCapacity(builder.Length + literalLength);
        }

        public void AppendLiteral(string markup) => builder.Append(markup);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

        public void AppendFormatted<T>(T value, string? format)
        {
            var text = value switch
            {
                null => string.Empty,
                IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
            builder.Append(Encoder.Encode(text));
        }
    }
}
