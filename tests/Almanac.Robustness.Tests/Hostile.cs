using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Almanac.Robustness.Tests;

/// <summary>
/// Generators of hostile input: text dense in what date rules, sentence splitting and HTML parsing react to,
/// mixed with control characters, lone surrogates, long runs and markup that is broken on purpose.
/// </summary>
internal static class Hostile
{
    private static readonly string[] TextFragments =
    [
        "June", "june", "JUNE", "Jun", "Jun.", "May", "March", "Feb.", "4", "25", "31", "0", "00", "1956", "9999", "99999999999",
        "-1", "–", "—", "-", "/", ".", ",", ", ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "BC", "B.C.", "AD", "BCE", "c.",
        "circa", "O.S.", "N.S.", "the", "of", "in", "on", "between", "and", "from", "to", "until", "mid-", "early", "late",
        "1930s", "'30s", "’50s", "century", "19th", "third", "millennium", "quarter", "Q3", "week", "weeks", "ago", "last",
        "next", "year", "years", "later", "that", "following", "day", "Monday", "p.m.", "a.m.", "12:00", "24:61", "T",
        "1956-02-25", "1956-13-45", "25/02/1956", "2/30", "(", ")", "[", "]", "\"", "'", "’", "“", "e.g.", "U.S.", "St.",
        "...", "…", "?", "!", "\u00A0", "\u200B", "\u00AD", "\uFEFF", "\0", "\u0001", "\u001B[31m", "\uD800", "\uDFFF",
        "\uD83D\uDCA9", "é", "\u0301", "١٩٥٦", "一九五六年", "２５", "Ⅻ", "²", "½",
    ];

    private static readonly string[] HtmlFragments =
    [
        "<html>", "</html>", "<body>", "<div>", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<h2 class=\"nav\">", "<li>", "<ul>",
        "</ul>", "<table><tr><td>", "</td>", "<b>", "</b>", "<i><b>", "</i>", "<a href=\"javascript:alert(1)\">", "</a>",
        "<script>document.write('<p>x')</script>", "<style>p{}</style>", "<!--", "-->", "<!-- c -->", "<![CDATA[", "]]>",
        "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<br>", "<br/>", "<img src=x onerror=alert(1)>", "<title>", "</title>",
        "<textarea>", "<svg><g>", "<math>", "<template>", "<nav>", "<footer>", "<article>", "<main>", "<div hidden>",
        "<div style=\"display:none\">", "<div role=\"navigation\">", "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x110000;",
        "&nbsp;", "&lt;script&gt;", "=\"", "<div class=\"comments\">", "<plaintext>", "<select><option>",
    ];

    private static Gen<string> Run(Gen<string> fragment) =>
        Gen.Zip(fragment, Gen.Choose(1, 300)).Select(pair => string.Concat(Enumerable.Repeat(pair.Item1, pair.Item2)));

    /// <summary>Date-like words, punctuation and odd characters, now and then a long run of one of them.</summary>
    public static Gen<string> TextGen() =>
        Gen.Frequency((9, Gen.Elements(TextFragments)), (1, Run(Gen.Elements(TextFragments))))
            .ListOf()
            .Select(parts => string.Concat(parts));

    public static Arbitrary<string> Text() => TextGen().ToArbitrary();

    /// <summary>Broken, unbalanced HTML around hostile text.</summary>
    public static Arbitrary<string> HtmlSoup() =>
        Gen.Frequency((5, Gen.Elements(HtmlFragments)), (4, Gen.Elements(TextFragments)), (1, Run(Gen.Elements(HtmlFragments))))
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    /// <summary>Bytes: random, or hostile text in one of the encodings the reader accepts (BOM or not), possibly cut short.</summary>
    public static Arbitrary<byte[]> Bytes() =>
        Gen.OneOf(
                ArbMap.Default.GeneratorFor<byte[]>(),
                from text in TextGen()
                from encoding in Gen.Elements<Encoding>(new UTF8Encoding(true), new UTF8Encoding(false), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true))
                from cut in Gen.Choose(0, 3)
                let bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray()
                select bytes[..Math.Max(0, bytes.Length - cut)])
            .ToArbitrary();

    public static Arbitrary<string> DocumentPath() =>
        Gen.Elements("a.txt", "a.md", "a.html", "a.xhtml", "noextension", "a.HTM").ToArbitrary();
}
