using System.Runtime.InteropServices;
using Almanac.Core;
using Almanac.Text;

namespace Almanac.Events;

/// <summary>
/// Extractive summaries: sentences taken whole from the sources, each cited. "In short" is at most
/// three: what the event was (a sentence giving the event's own date), when and where (from
/// another lineage where one exists, agreeing with that date), and why it mattered (a sentence
/// with a consequence cue). The longer page adds more "why" and "content" sentences. Headings
/// are never sentences: a candidate must end as a sentence ends.
/// </summary>
/// <summary>An event's extractive summaries: "in short" (at most three), why it mattered (up to three consequence sentences, from different sources where they exist), and what it consisted of.</summary>
internal sealed record EventSummaries(IReadOnlyList<CitedSentence> InShort, IReadOnlyList<CitedSentence> Why, IReadOnlyList<CitedSentence> Content);

internal static class Summaries
{
    private const int MinLength = 40;
    private const int MaxLength = 420;
    private const double NearDuplicate = 0.5;

    /// <summary>
    /// An event's "in short", "why" and "content" sentences, from the same topic words (the mentions' most frequent key
    /// words and the title's) and the same ranked consequence sentences, found once for all three.
    /// </summary>
    /// <param name="elsewhere">Sentences that date other events: content describes this event, so they are left out.</param>
    public static EventSummaries Of(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents,
        string title, DateClaim date, Func<string, string> lineageOf, Func<string, bool> elsewhere)
    {
        var topic = TopicWords(mentions, title);
        var consequences = RankedConsequences(mentions, documents, topic);
        var inShort = InShort(mentions, topic, consequences, date, lineageOf);
        var why = WhySentences(consequences, []).Take(3).ToList();
        return new EventSummaries(inShort, why, Content(mentions, documents, topic, title, [.. inShort, .. why], elsewhere));
    }

    private static IReadOnlyList<CitedSentence> InShort(IReadOnlyList<EventMention> mentions, HashSet<string> topic,
        IReadOnlyList<(string Text, string DocumentId)> consequences, DateClaim date, Func<string, string> lineageOf)
    {
        var candidates = mentions.Where(m => !m.IsTopic && IsSentence(m.Sentence)).ToList();
        var chosen = new List<CitedSentence>();
        var what = candidates.Where(m => m.DateValue == date.Value)
            .OrderByDescending(m => Overlap(m.Sentence, topic)).ThenBy(m => m.Sentence.Length).FirstOrDefault()
            ?? candidates.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => Overlap(m.Sentence, topic)).FirstOrDefault();
        if (what is not null)
            chosen.Add(new CitedSentence(what.Sentence.Trim(), what.DocumentId));
        var where = candidates
            .Where(m => what is null || lineageOf(m.DocumentId) != lineageOf(what.DocumentId))
            .Where(m => Agrees(m, date) && !IsNearDuplicate(m.Sentence, chosen))
            .OrderByDescending(m => m.Date.Precision)
            .ThenByDescending(m => m.Places.Count + m.People.Count + Overlap(m.Sentence, topic))
            .FirstOrDefault();
        if (where is not null)
            chosen.Add(new CitedSentence(where.Sentence.Trim(), where.DocumentId));
        if (WhySentences(consequences, chosen).FirstOrDefault() is { } why)
            chosen.Add(why);
        // A source of one-line entries (a calendar file, a day page) has no whole sentence: its line is what it says.
        if (chosen.Count == 0 && mentions.Where(m => m.DateValue == date.Value).MinBy(m => m.Sentence.Length) is { } line)
            chosen.Add(new CitedSentence(line.Sentence.Trim(), line.DocumentId));
        return chosen;
    }

    /// <summary>What the event consisted of: the sentences of its sources most about it, not already used for "in short" or "why" (<paramref name="taken"/>).</summary>
    private static IReadOnlyList<CitedSentence> Content(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents,
        HashSet<string> topic, string title, List<CitedSentence> taken, Func<string, bool> elsewhere)
    {
        var content = new List<CitedSentence>();
        // The title's head word ("speech" in "Khrushchev's Secret Speech"): a sentence naming it describes the event itself.
        var head = Words.Keywords(title).LastOrDefault();
        foreach (var sentence in SharingTopic(mentions, documents, topic, atLeast: 3, cued: false)
                     .Where(s => !elsewhere(s.Text))
                     .OrderByDescending(s => Overlap(s.Keywords, topic) + (head is not null && s.Keywords.Contains(head) ? 2 : 0))
                     .ThenBy(s => s.Text.Length))
        {
            if (content.Count == 4)
                break;
            if (IsNearDuplicate(sentence.Text, taken) || IsNearDuplicate(sentence.Text, content))
                continue;
            content.Add(new CitedSentence(sentence.Text, sentence.DocumentId));
        }
        return content;
    }

    /// <summary>The sources' sentences with consequence cues sharing two topic words, the most cued and on topic first, then the shortest.</summary>
    private static List<(string Text, string DocumentId)> RankedConsequences(IReadOnlyList<EventMention> mentions,
        IReadOnlyDictionary<string, SourceDocument> documents, HashSet<string> topic) =>
        SharingTopic(mentions, documents, topic, atLeast: 2, cued: true)
            .Select(s => (s.Text, s.DocumentId, Score: s.Cues * 2 + Overlap(s.Keywords, topic)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Text.Length)
            .Select(s => (s.Text, s.DocumentId))
            .ToList();

    /// <summary>Why the event mattered: the <paramref name="ranked"/> consequence sentences in turn, none near a sentence <paramref name="chosen"/> or picked before.</summary>
    private static IEnumerable<CitedSentence> WhySentences(IReadOnlyList<(string Text, string DocumentId)> ranked, List<CitedSentence> chosen)
    {
        var picked = new List<CitedSentence>(chosen);
        // One per source first, so three reasons come from three sources where they can.
        foreach (var round in new[] { true, false })
            foreach (var (text, documentId) in ranked)
            {
                if (round && picked.Skip(chosen.Count).Any(p => p.DocumentId == documentId))
                    continue;
                if (IsNearDuplicate(text, picked))
                    continue;
                var sentence = new CitedSentence(text, documentId);
                picked.Add(sentence);
                yield return sentence;
            }
    }

    /// <summary>A whole sentence of a source, with its key words and consequence cues counted once.</summary>
    private sealed record SourceSentence(string Text, string DocumentId, HashSet<string> Keywords, int Cues);

    /// <summary>A source's whole sentences, and where each key word stands in them: in any, and in those with consequence cues.</summary>
    private sealed class SourceText(IReadOnlyList<SourceSentence> sentences)
    {
        public IReadOnlyList<SourceSentence> Sentences { get; } = sentences;
        public WordIndex ByWord { get; } = new(sentences.Select((s, i) => (i, (IReadOnlySet<string>)s.Keywords)));
        public WordIndex CuedByWord { get; } = new(sentences.Select((s, i) => (i, (IReadOnlySet<string>)s.Keywords)).Where(x => sentences[x.i].Cues > 0));
    }

    /// <summary>
    /// The sentences of the mentions' sources, in source and then text order, sharing at least <paramref name="atLeast"/>
    /// topic words (with <paramref name="cued"/>, only those with a consequence cue), found through each source's
    /// <see cref="WordIndex"/>: a source of 20,000 dated sentences made each of its 20,000 events read them all.
    /// </summary>
    private static IEnumerable<SourceSentence> SharingTopic(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents,
        HashSet<string> topic, int atLeast, bool cued)
    {
        foreach (var documentId in mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(documentId, out var document))
                continue;
            var source = SentencesOf(document);
            foreach (var i in (cued ? source.CuedByWord : source.ByWord).SharingAtLeast(topic, atLeast))
                yield return source.Sentences[i];
        }
    }

    private static HashSet<string> TopicWords(IReadOnlyList<EventMention> mentions, string title)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in mentions)
            foreach (var keyword in mention.Keywords)
                CollectionsMarshal.GetValueRefOrAddDefault(counts, keyword, out _)++;
        var topic = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(12).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        topic.UnionWith(Words.Keywords(title));
        return topic;
    }

    /// <summary>A mention agrees with the event's date when it gives that date, a period containing it, or a day inside its range.</summary>
    private static bool Agrees(EventMention mention, DateClaim date) =>
        mention.DateValue == date.Value || date.Date.IsWithin(mention.Date) && mention.EndDate is null;

    /// <summary>A whole sentence of running text, not a heading, question or fragment.</summary>
    private static bool IsSentence(string text)
    {
        var trimmed = text.Trim().TrimEnd('"', '”', '’', ')', ']');
        return text.Trim().Length is >= MinLength and <= MaxLength && trimmed.Length > 0 && trimmed[^1] is '.' or '!'
            && char.IsUpper(text.Trim().TrimStart('(', '"', '“', '‘')[0]);
    }

    private static int Cues(string text)
    {
        var lower = text.ToLowerInvariant();
        return Lexicon.SignificanceCues.Count(c => lower.Contains(c, StringComparison.Ordinal));
    }

    private static bool IsNearDuplicate(string text, IEnumerable<CitedSentence> chosen)
    {
        var words = Words.Keywords(text).ToHashSet(StringComparer.Ordinal);
        return chosen.Any(c =>
        {
            var other = Words.Keywords(c.Text).ToHashSet(StringComparer.Ordinal);
            var union = words.Union(other).Count();
            return union > 0 && (double)words.Intersect(other).Count() / union > NearDuplicate;
        });
    }

    // Every event of a document asks for its sentences; split and read each document once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceDocument, SourceText> Split = [];

    private static SourceText SentencesOf(SourceDocument document) =>
        Split.GetValue(document, d => new SourceText(Segmenter.Split(new ReadDocument(d.Path, d.Title,
                d.Text.Split("\n\n").Select(b => new TextBlock(BlockKind.Paragraph, b)).ToList()))
            .Where(s => IsSentence(s.Text))
            .Select(s => new SourceSentence(s.Text.Trim(), d.Id, Words.Keywords(s.Text).ToHashSet(StringComparer.Ordinal), Cues(s.Text)))
            .ToList()));

    private static int Overlap(string sentence, HashSet<string> topic) =>
        Words.Keywords(sentence).Distinct(StringComparer.Ordinal).Count(topic.Contains);

    private static int Overlap(HashSet<string> keywords, HashSet<string> topic) => keywords.Count(topic.Contains);
}
