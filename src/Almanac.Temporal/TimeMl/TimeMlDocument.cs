using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Temporal.TimeMl;

/// <summary>
/// A TempEval-3 TimeML document: the creation time from &lt;DCT&gt;, the text inside &lt;TEXT&gt; with
/// its TIMEX3 answers taken out, and those answers (the gold standard) kept apart. Writing puts our
/// own TIMEX3 tags back into the text byte for byte, as the official scorer requires.
/// </summary>
public sealed partial class TimeMlDocument
{
    private readonly string _raw;
    private readonly int _textStart;
    private readonly int _textEnd;
    // The TEXT section without its TIMEX3 tags; other tags (EVENT, SIGNAL) stay where they are.
    private readonly string _base;
    // For each character of PlainText (and one past the end), its index in _base.
    private readonly int[] _plainToBase;

    private TimeMlDocument(string raw, int textStart, int textEnd, string @base, string plain, int[] plainToBase,
        HistoricalDate? creationDate, IReadOnlyList<Timex> gold)
    {
        _raw = raw;
        _textStart = textStart;
        _textEnd = textEnd;
        _base = @base;
        _plainToBase = plainToBase;
        PlainText = plain;
        CreationDate = creationDate;
        Gold = gold;
    }

    /// <summary>The document creation time (the DCT value), when it is a date.</summary>
    public HistoricalDate? CreationDate { get; }

    /// <summary>The text inside &lt;TEXT&gt; with every tag removed; XML escapes are kept as written.</summary>
    public string PlainText { get; }

    /// <summary>The TIMEX3 tags found inside &lt;TEXT&gt;, with offsets into <see cref="PlainText"/>.</summary>
    public IReadOnlyList<Timex> Gold { get; }

    /// <summary>Reads a TimeML document; an input without a &lt;TEXT&gt; section gives an error message, not an exception.</summary>
    public static bool TryParse(string raw, out TimeMlDocument? document, out string? error)
    {
        document = null;
        error = null;
        var open = raw.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : raw.IndexOf("</TEXT>", open, StringComparison.Ordinal);
        if (open < 0 || close < 0)
        {
            error = "no <TEXT>...</TEXT> section";
            return false;
        }
        var textStart = open + "<TEXT>".Length;
        var section = raw.AsSpan(textStart, close - textStart);
        var @base = new StringBuilder(section.Length);
        var plain = new StringBuilder(section.Length);
        var map = new List<int>(section.Length + 1);
        var gold = new List<Timex>();
        (int Start, string Type, string Value, string? Mod)? openTimex = null;
        var i = 0;
        while (i < section.Length)
        {
            if (section[i] != '<')
            {
                map.Add(@base.Length);
                plain.Append(section[i]);
                @base.Append(section[i]);
                i++;
                continue;
            }
            var end = section[i..].IndexOf('>');
            if (end < 0)
            {
                error = "an unclosed tag inside <TEXT>";
                return false;
            }
            var tag = section.Slice(i, end + 1).ToString();
            i += end + 1;
            if (tag.StartsWith("<TIMEX3", StringComparison.Ordinal))
                openTimex = (plain.Length, Attribute(tag, "type") ?? "DATE", Attribute(tag, "value") ?? "", Attribute(tag, "mod"));
            else if (tag == "</TIMEX3>" && openTimex is { } t)
            {
                var type = Enum.TryParse<TimexType>(t.Type, ignoreCase: true, out var parsed) ? parsed : TimexType.Date;
                gold.Add(new Timex(t.Start, plain.Length, plain.ToString(t.Start, plain.Length - t.Start), type, t.Value) { Mod = t.Mod });
                openTimex = null;
            }
            else
                @base.Append(tag);
        }
        map.Add(@base.Length);
        document = new TimeMlDocument(raw, textStart, close, @base.ToString(), plain.ToString(), map.ToArray(), CreationTime(raw), gold);
        return true;
    }

    /// <summary>
    /// The input document with our TIMEX3 tags in &lt;TEXT&gt; (and no others there). A span that would
    /// cross another tag (an EVENT) is left out, because TimeML tags may not overlap.
    /// </summary>
    public string WithTimexes(IEnumerable<Timex> timexes)
    {
        var output = new StringBuilder(_raw.Length + 4096);
        output.Append(_raw, 0, _textStart);
        var position = 0;
        var id = 1;
        foreach (var timex in timexes.OrderBy(t => t.Start))
        {
            if (timex.Start < 0 || timex.End > PlainText.Length || timex.End <= timex.Start)
                continue;
            var start = _plainToBase[timex.Start];
            var end = _plainToBase[timex.End - 1] + 1;
            if (start < position || _base.AsSpan(start, end - start).Contains('<'))
                continue;
            output.Append(_base, position, start - position);
            output.Append("<TIMEX3 tid=\"t").Append(id++.ToString(CultureInfo.InvariantCulture))
                .Append("\" type=\"").Append(timex.Type.ToString().ToUpperInvariant())
                .Append("\" value=\"").Append(WebUtility.HtmlEncode(timex.Value)).Append('"');
            AppendAttribute(output, "mod", timex.Mod);
            AppendAttribute(output, "quant", timex.Quant);
            AppendAttribute(output, "freq", timex.Freq);
            output.Append('>').Append(_base, start, end - start).Append("</TIMEX3>");
            position = end;
        }
        output.Append(_base, position, _base.Length - position);
        output.Append(_raw, _textEnd, _raw.Length - _textEnd);
        return output.ToString();
    }

    private static void AppendAttribute(StringBuilder output, string name, string? value)
    {
        if (value is not null)
            output.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
    }

    private static HistoricalDate? CreationTime(string raw)
    {
        var match = DctPattern().Match(raw);
        if (!match.Success)
            return null;
        var value = match.Groups["value"].Value;
        if (value.Length > 10)
            value = value[..10];
        return HistoricalDate.TryParseTimex(value, out var date) ? date : null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + name + "=\"(?<v>[^\"]*)\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<DCT>\\s*<TIMEX3[^>]*\\svalue=\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DctPattern();
}
