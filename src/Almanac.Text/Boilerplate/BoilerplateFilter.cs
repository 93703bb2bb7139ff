using Almanac.Core;
using Almanac.Text.Segmentation;

namespace Almanac.Text.Boilerplate;

/// <summary>
/// Removes what a page says around its content, for text from any reader: menus, skip links, breadcrumbs,
/// calls to subscribe or follow, copyright and legal lines, comment forms, sidebars ("Popular Posts",
/// "Categories" and their lists) and reader comments. The rules look at the shape of blocks (short lines,
/// runs of short list items, link density) and at cue phrases from Resources/boilerplate.txt, never at a
/// particular site.
/// </summary>
/// <remarks>
/// Reader comments are dropped, not kept and marked: they are user-generated text under a comment heading,
/// and the design says comment sections produce no events. A comment area starts at a "tail" cue only once
/// the document has had real content, so a "Comments" link at the top of a page cannot empty it.
/// </remarks>
internal sealed class BoilerplateFilter(BoilerplateCues cues)
{
    private const int ContentParagraphWords = 20;
    private const int SectionResumeWords = 15;
    private const int NavigationItemWords = 5;
    private const int MinNavigationRun = 3;

    public static BoilerplateFilter Default { get; } = new(BoilerplateCues.Default);

    private sealed class Item(RawBlock block)
    {
        public RawBlock Block { get; set; } = block;
        public string Normalized { get; } = CueText.Normalize(block.Text);
        public int Words { get; } = CueText.CountWords(block.Text);
        public bool Dropped { get; set; }
        public bool Linky => Block.LinkDensity >= 0.8;
        public bool EndsSentence => Block.Text.TrimEnd().TrimEnd('"', '”', '’', ')').EndsWith(['.', '!', '?']);
    }

    public IReadOnlyList<RawBlock> Apply(IReadOnlyList<RawBlock> blocks)
    {
        var items = blocks.Select(DropMenuLines).OfType<RawBlock>().Select(b => new Item(b)).ToList();
        DropByCues(items);
        DropNavigationRuns(items);
        TrimCallsToAction(items);
        return items.Where(i => !i.Dropped).Select(i => i.Block).ToList();
    }

    private void DropByCues(List<Item> items)
    {
        var contentSeen = false;
        var i = 0;
        while (i < items.Count)
        {
            var item = items[i];
            if (contentSeen && IsTail(item))
            {
                for (var j = i; j < items.Count; j++)
                    items[j].Dropped = true;
                return;
            }
            if (IsSectionStart(item))
            {
                item.Dropped = true;
                i++;
                while (i < items.Count && !ResumesContent(items[i]))
                    items[i++].Dropped = true;
                continue;
            }
            item.Dropped = IsBoilerplateLine(item);
            if (!item.Dropped && item.Block.Kind == BlockKind.Paragraph && item.Words >= ContentParagraphWords && !item.Linky)
                contentSeen = true;
            i++;
        }
    }

    /// <summary>
    /// Lines of a block that are menu words ("Back") or a menu bar ("Texts   Images   Audio", "Home | About") go,
    /// so a heading that plain text glued to its page chrome keeps only its words. Null when no line is left.
    /// </summary>
    private RawBlock? DropMenuLines(RawBlock block)
    {
        var lines = block.Text.Split('\n');
        if (lines.Length == 1)
            return block; // a whole block that is a menu word is judged with its neighbours, in DropNavigationRuns
        var kept = lines.Where(line => !IsMenuLine(line)).ToArray();
        if (kept.Length == lines.Length)
            return block;
        return kept.Length == 0 ? null : block with { Text = string.Join('\n', kept) };
    }

    private bool IsMenuLine(string line) => cues.IsExact(CueKind.Exact, CueText.Normalize(line)) || IsMenuBar(line);

    /// <summary>Three or more items of at most three words each, set apart by wide gaps, bars or middle dots.</summary>
    internal static bool IsMenuBar(string line)
    {
        var items = line.Replace("   ", "|", StringComparison.Ordinal).Replace("  ", "|", StringComparison.Ordinal)
            .Split(['|', '·', '•', '¦'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length >= 3 && items.All(i => CueText.CountWords(i) <= 3 && !i.EndsWith('.'));
    }

    private bool IsTail(Item item) =>
        cues.IsExact(CueKind.Tail, item.Normalized)
        || (item.Words <= 8 && cues.StartsWithAny(CueKind.TailStart, item.Normalized))
        || (item.Block.Kind == BlockKind.ListItem && item.Words <= 6 && cues.EndsWithAny(CueKind.TailEnd, item.Normalized));

    private bool IsSectionStart(Item item) =>
        cues.IsExact(CueKind.Section, item.Normalized)
        || (item.Words <= 6 && cues.StartsWithAny(CueKind.SectionStart, item.Normalized));

    /// <summary>A sidebar section ends where the page has a real heading or a paragraph of prose again.</summary>
    private bool ResumesContent(Item item)
    {
        if (item.Linky || IsSectionStart(item))
            return false;
        return item.Block.Kind == BlockKind.Heading || (item.Block.Kind == BlockKind.Paragraph && item.Words >= SectionResumeWords);
    }

    private bool IsBoilerplateLine(Item item)
    {
        var text = item.Normalized;
        if (text.Length == 0)
            return !item.Block.Text.Any(char.IsLetterOrDigit); // a line of only symbols ("* * *", "|")
        if (cues.IsExact(CueKind.Exact, text) || IsMenuBar(item.Block.Text))
            return true;
        if (item.Words <= 40 && cues.StartsWithAny(CueKind.Start, text))
            return true;
        if (item.Words <= 25 && cues.ContainsAny(CueKind.Contains, text))
            return true;
        if (item.Words <= 15 && HasUrl(item.Block.Text) && cues.ContainsAny(CueKind.Promo, text))
            return true;
        return IsBreadcrumb(item);
    }

    /// <summary>"Home / History and Politics", "Home › Blog › Post": a menu word followed by path separators.</summary>
    private bool IsBreadcrumb(Item item) =>
        item.Words <= 12
        && item.Block.Text.IndexOfAny(['/', '>', '»', '›', '→']) >= 0
        && cues.Of(CueKind.Navigation).Any(cue => CueText.StartsWithCue(item.Normalized, cue));

    private static bool HasUrl(string text) =>
        text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase)
        || text.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Three or more short list items (or short fully linked lines) in a row form a menu when one of them is a menu
    /// word or all of them are links. Short lines that open the document before such a menu (a site name and its
    /// tagline) are page chrome too.
    /// </summary>
    private void DropNavigationRuns(List<Item> items)
    {
        // Menu words already dropped as single lines ("Home") still count as members of the menu around them.
        var kept = items.Where(i => !i.Dropped || IsMenuItem(i)).ToList();
        var firstRun = -1;
        var start = 0;
        while (start < kept.Count)
        {
            var end = start;
            while (end < kept.Count && IsMenuItem(kept[end]))
                end++;
            var run = kept.GetRange(start, end - start);
            if (run.Count >= MinNavigationRun
                && (run.All(i => i.Linky) || run.Any(i => cues.IsExact(CueKind.Navigation, i.Normalized))))
            {
                run.ForEach(i => i.Dropped = true);
                if (firstRun < 0)
                    firstRun = start;
            }
            start = Math.Max(end, start + 1);
        }
        if (firstRun <= 0)
            return;
        var before = kept.Take(firstRun).Where(i => !i.Dropped).ToList();
        if (before.Count <= 4 && before.All(i => i.Words <= 8 && !i.EndsSentence))
            before.ForEach(i => i.Dropped = true);
    }

    private static bool IsMenuItem(Item item) =>
        item.Words <= NavigationItemWords && !item.EndsSentence
        && (item.Block.Kind == BlockKind.ListItem || item.Linky);

    /// <summary>
    /// "Subscribe for more history videos …" at the end of a paragraph is cut off with whatever follows it; a
    /// short block that holds such a call is dropped whole.
    /// </summary>
    private void TrimCallsToAction(List<Item> items)
    {
        foreach (var item in items.Where(i => !i.Dropped && i.Block.Kind != BlockKind.Heading))
        {
            var text = item.Block.Text;
            var tail = StartOfLastWords(text, 40);
            foreach (var (start, _) in SentenceSplitter.Split(text, 0, text.Length, Abbreviations.Default))
            {
                // Cue phrases are a few words long, so a short prefix of the sentence is enough to compare.
                if (start < tail || !cues.StartsWithAny(CueKind.CallToAction, CueText.Normalize(text.AsSpan(start, Math.Min(80, text.Length - start)))))
                    continue;
                var before = text[..start].TrimEnd();
                if (item.Words <= 20 || CueText.CountWords(before) == 0)
                    item.Dropped = true;
                else
                    item.Block = item.Block with { Text = before };
                break;
            }
        }
    }

    /// <summary>Where the last <paramref name="count"/> words of the text begin.</summary>
    private static int StartOfLastWords(string text, int count)
    {
        var i = text.Length;
        for (var words = 0; i > 0; i--)
        {
            if (!char.IsWhiteSpace(text[i - 1]) && (i == 1 || char.IsWhiteSpace(text[i - 2])) && ++words == count)
                return i - 1;
        }
        return 0;
    }
}
