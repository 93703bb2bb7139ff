using Almanac.Core;
using Almanac.Text;

namespace Almanac.Events;

/// <summary>
/// "In short": at most three sentences taken from the sources, each cited — what the event was,
/// when and where (from another source where one exists), and why it mattered.
/// </summary>
internal static class Summaries
{
    private const int MinLength = 40;
    private const int MaxLength = 420;

    public static IReadOnlyList<CitedSentence> InShort(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, string title)
    {
        var topic = mentions.SelectMany(m => m.Keywords).GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Take(12).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var word in Words.Keywords(title))
            topic.Add(word);
        var candidates = mentions
            .Where(m => !m.IsTopic && m.Sentence.Length is >= MinLength and <= MaxLength && !m.Sentence.TrimEnd().EndsWith('?'))
            .OrderByDescending(m => m.Date.Precision)
            .ThenByDescending(m => Overlap(m.Sentence, topic))
            .ToList();
        var chosen = new List<CitedSentence>();
        var what = candidates.FirstOrDefault();
        if (what is not null)
            chosen.Add(new CitedSentence(what.Sentence.Trim(), what.DocumentId));
        var where = candidates.Where(m => m.DocumentId != what?.DocumentId && m.Sentence != what?.Sentence)
            .OrderByDescending(m => m.Places.Count + m.People.Count + (m.Date.Precision == Precision.Day ? 2 : 0))
            .FirstOrDefault();
        if (where is not null)
            chosen.Add(new CitedSentence(where.Sentence.Trim(), where.DocumentId));
        if (WhyItMattered(mentions, documents, topic, chosen) is { } why)
            chosen.Add(why);
        return chosen;
    }

    private static CitedSentence? WhyItMattered(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, HashSet<string> topic, List<CitedSentence> chosen)
    {
        var best = (Sentence: (CitedSentence?)null, Score: 0);
        foreach (var documentId in mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(documentId, out var document))
                continue;
            foreach (var sentence in SentencesOf(document))
            {
                var text = sentence.Text.Trim();
                if (text.Length is < MinLength or > MaxLength || chosen.Any(c => c.Text == text) || text.EndsWith('?'))
                    continue;
                var lower = text.ToLowerInvariant();
                var cues = Lexicon.SignificanceCues.Count(c => lower.Contains(c, StringComparison.Ordinal));
                if (cues == 0)
                    continue;
                var score = cues * 2 + Overlap(text, topic);
                if (score > best.Score)
                    best = (new CitedSentence(text, documentId), score);
            }
        }
        return best.Sentence;
    }

    private static IReadOnlyList<Sentence> SentencesOf(SourceDocument document) =>
        Segmenter.Split(new ReadDocument(document.Path, document.Title,
            document.Text.Split("\n\n").Select(b => new TextBlock(BlockKind.Paragraph, b)).ToList()));

    private static int Overlap(string sentence, HashSet<string> topic) =>
        Words.Keywords(sentence).Distinct(StringComparer.Ordinal).Count(topic.Contains);
}
