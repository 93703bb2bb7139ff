using System.Security.Cryptography;
using System.Text;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Merges mentions that speak of the same event, within and across documents, into events.
/// Two mentions are one event when their dates are compatible (one within the other, or day
/// dates at most <see cref="MaxDayDisagreement"/> days apart, which sources do disagree by) and
/// their words and people overlap enough, weighted by how rare each word is.
/// </summary>
public sealed class EventResolver
{
    /// <summary>Days by which sources stating the same event may disagree before it counts as another event.</summary>
    public const int MaxDayDisagreement = 2;

    private const double MinSimilarity = 0.3;

    private readonly Func<string, string> _lineageOf;

    /// <param name="lineageOf">The copy lineage of a document; independent sources have distinct lineages.</param>
    public EventResolver(Func<string, string>? lineageOf = null) => _lineageOf = lineageOf ?? (id => id);

    public IReadOnlyList<HistoricalEvent> Resolve(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents)
    {
        var weights = new KeywordWeights(mentions);
        var clusters = new List<Cluster>();
        // Precise and topical mentions first, so coarse ones join an event rather than found one.
        foreach (var mention in mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic)
                     .ThenBy(m => m.DocumentId, StringComparer.Ordinal).ThenBy(m => m.SentenceStart))
        {
            var best = clusters
                .Where(c => c.Kind == mention.Kind && c.DateCompatible(mention))
                .Select(c => (Cluster: c, Score: c.Similarity(mention, weights)))
                .Where(x => x.Score >= MinSimilarity)
                .OrderByDescending(x => x.Score)
                .Select(x => x.Cluster)
                .FirstOrDefault();
            if (best is null)
                clusters.Add(new Cluster(mention));
            else
                best.Add(mention);
        }
        return clusters.Select(c => ToEvent(c, documents)).ToList();
    }

    private HistoricalEvent ToEvent(Cluster cluster, IReadOnlyDictionary<string, SourceDocument> documents)
    {
        var mentions = cluster.Mentions;
        var claims = mentions
            .GroupBy(m => m.DateValue + "|" + m.Date.Calendar)
            .Select(g =>
            {
                var docs = g.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).ToList();
                return new DateClaim(g.First().Date, g.First().EndDate, docs, docs.Select(_lineageOf).Distinct(StringComparer.Ordinal).Count());
            })
            .OrderByDescending(c => c.Lineages)
            .ThenByDescending(c => c.Date.Precision)
            .ThenBy(c => c.EndDate is null ? 0 : 1)
            .ThenBy(c => c.Date)
            .ToList();
        // The event's date: the best-supported of the most precise claims; coarser claims only support it.
        var bestPrecision = claims.Max(c => c.Date.Precision);
        var best = claims.Where(c => c.Date.Precision == bestPrecision).First();
        var lead = mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic).ThenBy(m => m.Clause.Length).First();
        var title = Title(mentions);
        var lineages = mentions.Select(m => _lineageOf(m.DocumentId)).Distinct(StringComparer.Ordinal).Count();
        var people = mentions.SelectMany(m => m.People).GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var places = mentions.SelectMany(m => m.Places).Distinct(StringComparer.Ordinal).ToList();
        var summary = Summaries.InShort(mentions, documents, title);
        var significance = lineages + 0.5 * Math.Log2(1 + mentions.Count) + (bestPrecision == Precision.Day ? 0.5 : 0);
        return new HistoricalEvent(
            StableId(lead), lead.Kind, title, OneLine(mentions), best.Date, best.EndDate,
            claims, people, places, summary, Math.Round(significance, 3), mentions);
    }

    /// <summary>A topic heading names the event best; otherwise the shortest clause that dates it.</summary>
    private static string Title(IReadOnlyList<EventMention> mentions)
    {
        var topic = mentions.Where(m => m.IsTopic).Select(m => StripDate(m.Clause, m.DateText)).Where(t => t.Length >= 8)
            .OrderBy(t => t.Length).FirstOrDefault();
        return Shorten(topic ?? mentions.Select(m => StripDate(m.Clause, m.DateText)).Where(t => t.Length >= 8).OrderBy(t => t.Length).FirstOrDefault()
            ?? mentions[0].Clause, 120);
    }

    /// <summary>The day line: the shortest full sentence of a day-precision mention, else of any mention.</summary>
    private static string OneLine(IReadOnlyList<EventMention> mentions) =>
        Shorten(mentions.OrderByDescending(m => m.Date.Precision).ThenBy(m => m.IsTopic).ThenBy(m => m.Sentence.Length).First().Sentence, 300);

    private static string StripDate(string clause, string dateText)
    {
        var stripped = clause.Replace("(" + dateText + ")", "", StringComparison.Ordinal).Replace(dateText, "", StringComparison.Ordinal);
        return string.Join(' ', stripped.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', ':', ';', '(', ')', '-', '–');
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : text[..text.LastIndexOf(' ', max - 1)].TrimEnd(',', ';', ' ') + "…";

    /// <summary>An id that survives re-resolution: the hash of the event's lead mention's place in its document.</summary>
    private static string StableId(EventMention lead) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{lead.DocumentId}:{lead.SentenceStart}:{lead.DateValue}")))[..12];

    private sealed class Cluster
    {
        private readonly Dictionary<string, int> _keywords = new(StringComparer.Ordinal);
        private readonly HashSet<string> _people = new(StringComparer.Ordinal);
        private readonly List<HistoricalDate> _days = [];

        public Cluster(EventMention first)
        {
            Kind = first.Kind;
            Anchor = first.Date;
            Add(first);
        }

        public List<EventMention> Mentions { get; } = [];
        public MentionKind Kind { get; }

        /// <summary>The date of the mention that founded the event, the most precise it has.</summary>
        public HistoricalDate Anchor { get; }

        public void Add(EventMention mention)
        {
            Mentions.Add(mention);
            foreach (var k in mention.Keywords)
                _keywords[k] = _keywords.GetValueOrDefault(k) + 1;
            _people.UnionWith(mention.People);
            if (mention.Date.Precision == Precision.Day)
                _days.Add(mention.Date.ToGregorian());
        }

        public bool DateCompatible(EventMention mention)
        {
            var date = mention.Date.ToGregorian();
            if (date.Precision == Precision.Day && _days.Count > 0)
                return _days.Any(d => Math.Abs(DaysApart(d, date)) <= MaxDayDisagreement)
                    || (mention.EndDate is { } end && _days.Any(d => DaysApart(date, d) >= 0 && DaysApart(d, end.ToGregorian()) >= 0));
            var anchor = Anchor.ToGregorian();
            return date.IsWithin(anchor) || anchor.IsWithin(date);
        }

        /// <summary>Rare shared words count most; shared people add to it; normalized by the smaller side.</summary>
        public double Similarity(EventMention mention, KeywordWeights weights)
        {
            var words = mention.Keywords.Distinct(StringComparer.Ordinal).ToList();
            if (words.Count == 0)
                return 0;
            var shared = words.Where(_keywords.ContainsKey).Sum(weights.Of);
            var own = words.Sum(weights.Of);
            var theirs = _keywords.Keys.Sum(weights.Of);
            var people = mention.People.Count(_people.Contains);
            var score = shared / Math.Max(1e-9, Math.Min(own, theirs));
            return score + 0.15 * people;
        }

        /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, both Gregorian day dates.</summary>
        private static int DaysApart(HistoricalDate from, HistoricalDate to) =>
            NodaTime.Period.Between(LocalDateOf(from), LocalDateOf(to), NodaTime.PeriodUnits.Days).Days;

        private static NodaTime.LocalDate LocalDateOf(HistoricalDate d) => new(d.Year, d.Month!.Value, d.Day!.Value);
    }
}
