using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;
using NodaTime;

namespace Almanac.Text.Structure;

/// <summary>
/// Recognises a day page in a document's blocks, whatever format they were read from: the page's day, its
/// sections (Events, Births, Deaths, Holidays) and its dated entries, by the patterns of <c>daypage.txt</c>.
/// Lines are read in page order; a section heading sets the kind of the entries after it, a label or a
/// "(b. 1931)" mark on an unsectioned entry sets its own. A page with a day but fewer than two entries is not a day page.
/// </summary>
public static class DayPageRecognizer
{
    /// <summary>A day page lists its day's entries: at least two of them.</summary>
    private const int MinEntries = 2;

    /// <summary>Section headings are short: a longer line naming births or deaths is an entry or prose.</summary>
    private const int MaxSectionLength = 60;

    /// <summary>A second item under a year's line is a sentence: "Read more." or "Share this." is not one.</summary>
    private const int MinSecondItemWords = 4;

    /// <summary>An entry needs a letter of text: "1956 – " alone, or a cut-off "In ", is no entry.</summary>
    private const int MinTextLetters = 1;

    public static DayPage? Recognize(string path, string title, IReadOnlyList<TextBlock> blocks) =>
        Recognize(path, title, blocks, DayPagePatterns.Default);

    internal static DayPage? Recognize(string path, string title, IReadOnlyList<TextBlock> blocks, DayPagePatterns patterns)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var lines = Lines(blocks);
        var texts = lines.Select(l => l.Text).ToList();
        if (PageDayFinder.Find(path ?? "", title ?? "", texts, patterns) is not { } day)
            return null;
        var entries = WithoutCutEnd(new Reading(day, PageDayFinder.YearOf(texts, patterns), patterns).Read(lines), blocks);
        // One dated paragraph on a page that names a day is prose about that day ("What happened today? Jun 4 …
        // In 1956, …"), not a list of the day's entries.
        return entries.Count(e => e.Year is not null) < MinEntries ? null : new DayPage(day, entries);
    }

    /// <summary>
    /// A page saved or excerpted part-way ends inside its last entry ("France and Austria sign Peac", "hits the
    /// island of"): an entry that ends the document unfinished — on a comma or a small word, or much shorter than the
    /// page's entries, or without the full stop the page's other entries end with — is a fragment, not an entry.
    /// </summary>
    private static IReadOnlyList<DayPageEntry> WithoutCutEnd(IReadOnlyList<DayPageEntry> entries, IReadOnlyList<TextBlock> blocks)
    {
        if (entries.Count == 0)
            return entries;
        var documentLength = blocks.Sum(b => b.Text.Length) + 2 * (blocks.Count - 1);
        var last = entries[^1];
        if (last.End < documentLength || Reading.EndsSentence(last.Text))
            return entries;
        var lastWord = last.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        // Lists of births and deaths ("Anne Sullivan, teacher") are shorter than events and end without the full
        // stops events have: the last entry is judged against the entries of its kind.
        var others = entries.Take(entries.Count - 1).Where(e => e.Kind == last.Kind).ToList();
        var lengths = (last.Kind == MentionKind.Event ? entries.Take(entries.Count - 1) : others).Select(e => e.Text.Length).Order().ToList();
        var unfinished = last.Text.TrimEnd()[^1] is ',' or ';' or ':' or '-' or '–'
            || UnfinishingWords.Contains(lastWord)
            || (lengths.Count >= MinEntries && last.Text.Length * 2 < lengths[lengths.Count / 2])
            // Where the entries of its kind end their sentences, one that does not was cut.
            || (others.Count >= MinEntries && others.Count(e => Reading.EndsSentence(e.Text)) * 4 >= others.Count * 3);
        return unfinished ? entries.Take(entries.Count - 1).ToList() : entries;
    }

    private static readonly HashSet<string> UnfinishingWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "from", "as", "his", "her", "their", "its",
    };

    /// <summary>A line of a block, with where it starts in <see cref="ReadDocument.Text"/>.</summary>
    internal sealed record Line(int Block, BlockKind Kind, string Text, int Start, bool OfSeveral);

    private static List<Line> Lines(IReadOnlyList<TextBlock> blocks)
    {
        var lines = new List<Line>();
        var offset = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var lineStart = 0;
            var texts = blocks[b].Text.Split('\n');
            foreach (var text in texts)
            {
                lines.Add(new Line(b, blocks[b].Kind, text, offset + lineStart, texts.Length > 1));
                lineStart += text.Length + 1;
            }
            offset += blocks[b].Text.Length + 2; // the "\n\n" between blocks in ReadDocument.Text
        }
        return lines;
    }

    /// <summary>The state of one pass over a page's lines.</summary>
    private sealed class Reading(AnnualDate day, int? pageYear, DayPagePatterns patterns)
    {
        private readonly List<DayPageEntry> _entries = [];
        private MentionKind _section = MentionKind.Event;
        private (int Year, string YearText, int Start)? _yearAlone;
        private DayPageEntry? _titled;
        private (DayPageEntry Entry, int Block)? _open;

        public IReadOnlyList<DayPageEntry> Read(IReadOnlyList<Line> lines)
        {
            foreach (var line in lines)
            {
                var text = Markup.Without(line.Text).Trim();
                if (text.Length == 0)
                    continue;
                if (SectionOf(text) is { } section)
                {
                    _section = section;
                    (_yearAlone, _titled, _open) = (null, null, null);
                    continue;
                }
                var start = line.Start + Math.Max(0, line.Text.IndexOf(text, StringComparison.Ordinal));
                foreach (var (segment, offset) in Segments(text))
                    Read(line, segment, start + offset);
            }
            return _entries;
        }

        private void Read(Line line, string text, int start)
        {
            if (_yearAlone is { } alone)
            {
                // The line after a year standing alone is its text (a title; what follows describes it).
                _yearAlone = null;
                _titled = Add(alone.Year, alone.YearText, text, alone.Start, start + text.Length, line.Block);
                return;
            }
            foreach (var pattern in patterns.Of(PatternRole.Entry))
            {
                // A year after the text dates an item of a list, not a heading or a paragraph ("Today in Science (1124)").
                if (pattern.Name is "year-last" or "year-after-dash" && line.Kind != BlockKind.ListItem && !line.OfSeveral)
                    continue;
                var match = Patterns.Match(pattern.Regex, text);
                if (!match.Success)
                    continue;
                if (match.Groups["month"].Success && PageDayFinder.DayOf(match) != day)
                    return; // a full date of another day: a teaser or a navigation link, not an entry of this page
                if (YearOf(match, pageYear) is not { } year)
                    continue;
                if (!match.Groups["text"].Success)
                {
                    _yearAlone = (year, YearText(match), start);
                    return;
                }
                if (_titled is { } titled && titled.Year == year && pattern.Name is "opener" or "in-sentence")
                    return; // "In 1475, …" under a "1475" title line describes that entry
                // Holidays are named, not dated by a leading year: a "YEAR – text" line ends a holiday list.
                if (_section == MentionKind.Holiday && pattern.Name != "in-sentence")
                    _section = MentionKind.Event;
                var entry = Add(year, YearText(match), match.Groups["text"].Value, start, start + text.Length, line.Block);
                if (entry is not null && line.Kind == BlockKind.Heading)
                    _titled = entry;
                return;
            }
            if (ReadRun(text, start))
                return;
            Continue(line, text, start);
        }

        /// <summary>A line with no year of its own: the rest of an entry broken mid-sentence, a holiday, or prose.</summary>
        private void Continue(Line line, string text, int start)
        {
            if (_open is { } open && open.Block == line.Block && _titled != open.Entry && BreaksOff(open.Entry.Text, text))
            {
                var joined = open.Entry with { Text = open.Entry.Text + "\n" + text, End = start + text.Length };
                _entries[_entries.IndexOf(open.Entry)] = joined;
                _open = (joined, line.Block);
                return;
            }
            if (_open is { } above && above.Block == line.Block && _titled != above.Entry && IsSecondItem(above.Entry.Text, text))
            {
                // A second item listed under its year's line ("1939 – A fleet sails." / "A carrier is sunk.") is of that year.
                Add(above.Entry.Year!.Value, above.Entry.YearText, text, start, start + text.Length, line.Block);
                return;
            }
            // Under a Holidays heading, a list item or one line of a block of lines (a list saved as text) names a
            // holiday; a paragraph of prose there is one long line of its own block.
            if (_section == MentionKind.Holiday && (line.Kind == BlockKind.ListItem || line.OfSeveral))
                _entries.Add(new DayPageEntry(MentionKind.Holiday, null, "", EntryText.Clean(text), start, start + text.Length));
        }

        /// <summary>"A (1566), B (1623) &amp; C (1854) were born …": every item of a run is an entry of the run's kind.</summary>
        private bool ReadRun(string text, int start)
        {
            var marks = Patterns.Matches(patterns.Named(PatternRole.Item, "year-mark").Regex, text);
            if (marks.Count < 2)
                return false;
            var joiner = patterns.Named(PatternRole.Item, "joiner").Regex;
            var items = new List<(Match Mark, int TextStart)>();
            var itemStart = 0;
            var found = false;
            foreach (var mark in marks)
            {
                items.Add((mark, itemStart));
                var after = text[(mark.Index + mark.Length)..];
                if (patterns.Of(PatternRole.Run).FirstOrDefault(r => Patterns.Match(r.Regex, after).Success) is { } end)
                {
                    foreach (var (itemMark, itemTextStart) in items)
                    {
                        var itemText = text[itemTextStart..itemMark.Index].Trim();
                        if (int.TryParse(itemMark.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                            && Letters(itemText) >= MinTextLetters)
                        {
                            _entries.Add(new DayPageEntry(end.Kind, year, itemMark.Groups["year"].Value, EntryText.Clean(itemText),
                                start + itemTextStart, start + itemMark.Index + itemMark.Length));
                            found = true;
                        }
                    }
                    items.Clear();
                    var endMatch = Patterns.Match(end.Regex, after);
                    itemStart = SentenceEnd(text, mark.Index + mark.Length + endMatch.Length);
                    continue;
                }
                var join = Patterns.Match(joiner, after);
                if (!join.Success)
                    items.Clear();
                itemStart = mark.Index + mark.Length + (join.Success ? join.Length : 0);
            }
            return found;
        }

        private DayPageEntry? Add(int year, string yearText, string rawText, int start, int end, int block)
        {
            var text = EntryText.Clean(rawText);
            if (Letters(text) < MinTextLetters)
                return null;
            var entry = new DayPageEntry(KindOf(text), year, yearText, text, start, end);
            _entries.Add(entry);
            _open = (entry, block);
            _titled = null;
            return entry;
        }

        /// <summary>A Births or Deaths section decides; elsewhere a label or a life mark on the entry does.</summary>
        private MentionKind KindOf(string text)
        {
            if (_section != MentionKind.Event)
                return _section;
            foreach (var label in patterns.Of(PatternRole.Label))
                if (Patterns.Match(label.Regex, text).Success)
                    return label.Kind;
            return MentionKind.Event;
        }

        private MentionKind? SectionOf(string line)
        {
            if (line.Length > MaxSectionLength)
                return null;
            if (patterns.Of(PatternRole.Entry).Any(p => Patterns.Match(p.Regex, line).Success && p.Name != "in-sentence"))
                return null;
            var kinds = patterns.Of(PatternRole.Section).Where(p => Patterns.Match(p.Regex, line).Success).Select(p => p.Kind).Distinct().ToList();
            // A line naming several sections ("Events History Famous Birthdays History of Deaths") is navigation.
            return kinds.Count == 1 ? kinds[0] : null;
        }

        /// <summary>A line split where a second entry starts after the sentence before it.</summary>
        private IEnumerable<(string Text, int Offset)> Segments(string line)
        {
            var starts = patterns.Of(PatternRole.Start)
                .SelectMany(p => Patterns.Matches(p.Regex, line))
                .Select(m => m.Groups["start"].Index)
                .Where(i => i > 0)
                .Distinct().Order().ToList();
            var previous = 0;
            foreach (var at in starts.Append(line.Length))
            {
                var segment = line[previous..at].TrimEnd();
                if (segment.Length > 0)
                    yield return (segment, previous);
                previous = at;
            }
        }

        /// <summary>The entry's year: as written, or counted back from the page's own year ("Ten years ago:" in a 2012 column is 2002).</summary>
        private static int? YearOf(Match match, int? pageYear)
        {
            if (match.Groups["ago"].Success)
                return pageYear is { } own && NumberWords.Parse(match.Groups["ago"].Value) is { } ago && ago < own ? own - ago : null;
            if (!int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var stated) || stated == 0)
                return null;
            var era = match.Groups["era"].Value.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
            // Astronomical numbering, as HistoricalDate keeps it: 44 BC is -43.
            return era is "BC" or "BCE" ? 1 - stated : stated;
        }

        private static string YearText(Match match) =>
            match.Groups["ago"].Success ? match.Groups["ago"].Value + " years ago"
            : match.Groups["era"].Success ? $"{match.Groups["year"].Value} {match.Groups["era"].Value}" : match.Groups["year"].Value;

        private static int Letters(string text) => text.Count(char.IsLetter);

        /// <summary>
        /// An entry broken over lines mid-sentence ("adopted the" / "Declaration of …"), not a title line followed by
        /// its description ("Treaty of Rio de Janeiro" / "Portugal formally recognized …").
        /// </summary>
        private static bool BreaksOff(string entry, string next)
        {
            if (EndsSentence(entry))
                return false;
            var lastWord = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            return char.IsLower(next[0]) || char.IsLower(lastWord[0]) || lastWord.Length == 1;
        }

        /// <summary>
        /// A line of its own under a finished entry, itself a whole sentence of a few words: another item of the same
        /// year, not the rest of the entry (that breaks off mid-sentence) nor a caption or a link (no full stop).
        /// </summary>
        private static bool IsSecondItem(string entry, string next) =>
            EndsSentence(entry) && char.IsUpper(next[0]) && next.TrimEnd()[^1] is '.' or '!' or '?'
            && next.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinSecondItemWords;

        public static bool EndsSentence(string text) => text.TrimEnd() is { Length: > 0 } trimmed && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or ')' or '’';

        private static int SentenceEnd(string text, int from)
        {
            var stop = text.IndexOfAny(['.', '!'], from);
            return stop < 0 ? text.Length : stop + 1;
        }
    }
}
