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
        var people = PersonNames.CanonicalForms(mentions.SelectMany(m => m.People.Select(p => (p, m.DocumentId))));
        var events = clusters.Select(c => ToEvent(c, documents, people)).ToList();
        return Aftermath.Link(events, documents, _lineageOf);
    }

    private HistoricalEvent ToEvent(Cluster cluster, IReadOnlyDictionary<string, SourceDocument> documents, IReadOnlyDictionary<string, string> canonicalPeople)
    {
        var mentions = cluster.Mentions;
        var claims = DateClaims(mentions);
        var best = BestClaim(claims);
        var lead = mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic).ThenBy(m => m.Clause.Length).First();
        var title = Titles.Of(mentions, documents);
        var people = mentions.SelectMany(m => m.People).Select(p => canonicalPeople.GetValueOrDefault(p, p))
            .GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var places = mentions.SelectMany(m => m.Places).Distinct(StringComparer.Ordinal).ToList();
        var summary = Summaries.InShort(mentions, documents, title, best, _lineageOf);
        return new HistoricalEvent(
            StableId(lead), lead.Kind, title, summary.FirstOrDefault()?.Text ?? OneLine(mentions), best.Date, best.EndDate,
            claims, people, places, summary, 0, mentions)
        {
            Why = Summaries.Why(mentions, documents, title),
            Content = Summaries.Content(mentions, documents, title, summary),
            RelatedReading = Books.Named(mentions, documents, title, people),
        };
    }

    /// <summary>Every date the sources give, each with its documents and the independent lineages behind it.</summary>
    private List<DateClaim> DateClaims(IReadOnlyList<EventMention> mentions) => mentions
        .GroupBy(m => m.DateValue + "|" + m.Date.Calendar)
        .Select(g =>
        {
            var docs = g.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).ToList();
            return new DateClaim(g.First().Date, g.First().EndDate, docs, docs.Select(_lineageOf).Distinct(StringComparer.Ordinal).Count());
        })
        .OrderByDescending(c => c.Date.Precision)
        .ThenByDescending(c => c.Lineages)
        .ThenBy(c => c.EndDate is null ? 0 : 1)
        .ThenBy(c => c.Date)
        .ToList();

    /// <summary>
    /// The event's date: among the most precise claims, the one most independent lineages give; a
    /// single date before a range on a tie, since a range ("24–25 February") supports neither of
    /// its days alone. Coarser claims ("1956") agree with every day inside them, so they cannot
    /// choose between days.
    /// </summary>
    internal static DateClaim BestClaim(IReadOnlyList<DateClaim> claims)
    {
        var finest = claims.Max(c => c.Date.Precision);
        return claims.Where(c => c.Date.Precision == finest)
            .OrderByDescending(c => c.Lineages)
            .ThenBy(c => c.EndDate is null ? 0 : 1)
            .ThenByDescending(c => c.DocumentIds.Count)
            .ThenBy(c => c.Date)
            .First();
    }

    /// <summary>The day line when no summary sentence was found: the shortest sentence of a most precise mention.</summary>
    private static string OneLine(IReadOnlyList<EventMention> mentions) =>
        Titles.Shorten(mentions.OrderByDescending(m => m.Date.Precision).ThenBy(m => m.IsTopic).ThenBy(m => m.Sentence.Length).First().Sentence, 300);

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
