using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Almanac.Curation.Markup;

/// <summary>A fragment of HTML that is already safe: built only by <see cref="Html.Of"/>, which encodes every value it is given.</summary>
public readonly record struct HtmlString
{
    internal HtmlString(string value) => Value = value;

    public string Value { get; }

    public static readonly HtmlString Empty = new("");

    public override string ToString() => Value ?? "";
}

/// <summary>
/// Builds HTML from an interpolated string: the literal parts are markup written in code, and every
/// interpolated value is HTML-encoded unless it is already an <see cref="HtmlString"/>. Document text
/// therefore cannot become markup by accident.
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlInterpolation
{
    private readonly StringBuilder _builder;

    public HtmlInterpolation(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(HtmlString value) => _builder.Append(value.Value);

    public readonly void AppendFormatted(IEnumerable<HtmlString> values)
    {
        foreach (var value in values)
            _builder.Append(value.Value);
    }

    public readonly void AppendFormatted(string? value) => _builder.Append(HtmlEncoder.Default.Encode(value ?? ""));

    public readonly void AppendFormatted<T>(T value) where T : IFormattable =>
        _builder.Append(HtmlEncoder.Default.Encode(value.ToString(null, CultureInfo.InvariantCulture)));

    internal readonly HtmlString Build() => new(_builder.ToString());
}

public static class Html
{
    public static HtmlString Of(ref HtmlInterpolation html) => html.Build();

    public static HtmlString Join(IEnumerable<HtmlString> parts, HtmlString separator) =>
        new(string.Join(separator.Value, parts.Select(p => p.Value)));
}
