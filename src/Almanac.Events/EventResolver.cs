using System.Security.Cryptography;
using System.Text;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Merges mentions that speak of the same event, within and across documents, into events.
/// Two mentions are one event when their dates are compatible (one within the other, or day
/// dates at most <see cref="MaxDayDisagreement"/> days apart, which sources do disagree by) and
/// their words, people and places overlap enough, words weighted by how rare they are.
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
        var byYear = new ClustersByYear();
        // Precise and topical mentions first, so coarse ones join an event rather than found one.
        foreach (var mention in mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic)
                     .ThenBy(m => m.DocumentId, StringComparer.Ordinal).ThenBy(m => m.SentenceStart))
        {
            var best = byYear.Near(mention.Date)
                .Where(c => c.Kind == mention.Kind && c.DateCompatible(mention))
                .Select(c => (Cluster: c, Score: c.Similarity(mention, weights)))
                .Where(x => x.Score >= MinSimilarity)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Cluster.Order)
                .Select(x => x.Cluster)
                .FirstOrDefault();
            if (best is null)
            {
                var cluster = new Cluster(mention, clusters.Count, weights);
                clusters.Add(cluster);
                byYear.Add(cluster);
            }
            else
            {
                best.Add(mention);
            }
        }
        var people = PersonNames.CanonicalForms(mentions.SelectMany(m => m.People.Select(p => (p, m.DocumentId))));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var sentenceClusters = new Dictionary<string, HashSet<Cluster>>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
            foreach (var mention in cluster.Mentions)
                (sentenceClusters.TryGetValue(mention.Sentence.Trim(), out var set) ? set : sentenceClusters[mention.Sentence.Trim()] = []).Add(cluster);
        var events = clusters.Select(c => ToEvent(c, documents, people, ids, sentenceClusters)).ToList();
        return Aftermath.Link(events, documents, _lineageOf);
    }

    /// <summary>
    /// Clusters filed under the years their founding date covers, so a mention is compared only
    /// with clusters whose date could be compatible: those of its own years, and of the year
    /// before and after for day dates that sources may disagree on across New Year.
    /// </summary>
    private sealed class ClustersByYear
    {
        /// <summary>Periods longer than this (centuries, millennia) are compared with every mention rather than filed under each year.</summary>
        private const int MaxFiledYears = 10;

        private readonly Dictionary<int, List<Cluster>> _byYear = [];
        private readonly List<Cluster> _long = [];

        public void Add(Cluster cluster)
        {
            var (first, last) = cluster.Anchor.ToGregorian().YearSpan;
            if (last - first >= MaxFiledYears)
            {
                _long.Add(cluster);
                return;
            }
            for (var year = first; year <= last; year++)
                (_byYear.TryGetValue(year, out var list) ? list : _byYear[year] = []).Add(cluster);
        }

        public IEnumerable<Cluster> Near(HistoricalDate date)
        {
            var (first, last) = date.ToGregorian().YearSpan;
            var seen = new HashSet<Cluster>();
            for (var year = first - 1; year <= last + 1; year++)
                if (_byYear.TryGetValue(year, out var list))
                    foreach (var cluster in list)
                        if (seen.Add(cluster))
                            yield return cluster;
            foreach (var cluster in _long)
                yield return cluster;
        }
    }

    private HistoricalEvent ToEvent(Cluster cluster, IReadOnlyDictionary<string, SourceDocument> documents, IReadOnlyDictionary<string, string> canonicalPeople, HashSet<string> ids,
        IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
    {
        var mentions = cluster.Mentions;
        var claims = DateClaims(mentions);
        var best = BestClaim(claims);
        var lead = mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic).ThenBy(m => m.Clause.Length).First();
        var headline = Headlines.Of(mentions, documents, best);
        var title = Titles.Of(mentions, documents, headline);
        var people = mentions.SelectMany(m => m.People).Select(p => canonicalPeople.GetValueOrDefault(p, p))
            .GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var places = mentions.SelectMany(m => m.Places).Distinct(StringComparer.Ordinal).ToList();
        var summary = Summaries.InShort(mentions, documents, title, best, _lineageOf);
        return new HistoricalEvent(
            StableId(lead, ids), lead.Kind, title, headline, best.Date, best.EndDate,
            claims, people, places, summary, 0, mentions)
        {
            Why = Summaries.Why(mentions, documents, title),
            Content = Summaries.Content(mentions, documents, title, summary, Elsewhere(cluster, sentenceClusters, best)),
            RelatedReading = Books.Named(mentions, documents, title, people),
        };
    }

    /// <summary>Whether a sentence dates another event, or gives this event a date other than its own.</summary>
    private static Func<string, bool> Elsewhere(Cluster cluster, IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters, DateClaim best)
    {
        var disagreeing = cluster.Mentions.Where(m => m.DateValue != best.Value && !best.Date.IsWithin(m.Date)).Select(m => m.Sentence.Trim())
            .ToHashSet(StringComparer.Ordinal);
        return sentence => disagreeing.Contains(sentence)
            || (sentenceClusters.TryGetValue(sentence, out var owners) && owners.Any(o => o != cluster));
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

    /// <summary>
    /// An id that survives re-resolution: the hash of the event's lead mention's place in its
    /// document. Two events led from one sentence with one date (two clauses) are told apart by a
    /// counter, in resolution order.
    /// </summary>
    private static string StableId(EventMention lead, HashSet<string> taken)
    {
        for (var n = 0; ; n++)
        {
            var key = $"{lead.DocumentId}:{lead.SentenceStart}:{lead.DateValue}" + (n == 0 ? "" : $":{n}");
            var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
            if (taken.Add(id))
                return id;
        }
    }

    private sealed class Cluster
    {
        private readonly Dictionary<string, int> _keywords = new(StringComparer.Ordinal);
        private readonly HashSet<string> _people = new(StringComparer.Ordinal);
        private readonly HashSet<string> _places = new(StringComparer.Ordinal);

        private readonly KeywordWeights _weights;
        private double _keywordWeight;

        public Cluster(EventMention first, int order, KeywordWeights weights)
        {
            Kind = first.Kind;
            Anchor = first.Date;
            Order = order;
            _weights = weights;
            Add(first);
        }

        public List<EventMention> Mentions { get; } = [];
        public MentionKind Kind { get; }

        /// <summary>Position in founding order: ties between equally similar clusters go to the older one.</summary>
        public int Order { get; }

        /// <summary>The date of the mention that founded the event, the most precise it has.</summary>
        public HistoricalDate Anchor { get; }

        public void Add(EventMention mention)
        {
            Mentions.Add(mention);
            foreach (var k in mention.Keywords)
            {
                if (!_keywords.ContainsKey(k))
                    _keywordWeight += _weights.Of(k);
                _keywords[k] = _keywords.GetValueOrDefault(k) + 1;
            }
            _people.UnionWith(mention.People);
            _places.UnionWith(mention.Places);
        }

        /// <summary>
        /// A day date is compatible with a day-founded event within <see cref="MaxDayDisagreement"/>
        /// days of its founding day, or when its range covers that day: measured from the founding
        /// day, not from any day already joined, so a run of daily events (30 October, 31 October,
        /// 1 November…) does not chain into one. Otherwise one date must lie within the other, and
        /// a decade or century joins only events dated no finer than a year.
        /// </summary>
        public bool DateCompatible(EventMention mention)
        {
            var date = mention.Date.ToGregorian();
            var anchor = Anchor.ToGregorian();
            if (date.Precision == Precision.Day && anchor.Precision == Precision.Day)
                return Math.Abs(DaysApart(anchor, date)) <= MaxDayDisagreement
                    || (mention.EndDate is { } end && DaysApart(date, anchor) >= 0 && DaysApart(anchor, end.ToGregorian()) >= 0);
            // A period of years ("the mid-1930s") is not one day's event, though it contains the day.
            if (date.Precision < Precision.Year && anchor.Precision > Precision.Year)
                return false;
            return date.IsWithin(anchor) || anchor.IsWithin(date);
        }

        /// <summary>Rare shared words count most, normalized by the smaller side; shared people and places add to it.</summary>
        public double Similarity(EventMention mention, KeywordWeights weights)
        {
            var words = mention.Keywords.Distinct(StringComparer.Ordinal).ToList();
            if (words.Count == 0)
                return 0;
            var shared = words.Where(_keywords.ContainsKey).Sum(weights.Of);
            var own = words.Sum(weights.Of);
            var theirs = _keywordWeight;
            var people = mention.People.Count(_people.Contains);
            var places = mention.Places.Count(_places.Contains);
            var score = shared / Math.Max(1e-9, Math.Min(own, theirs));
            return score + 0.15 * people + 0.1 * places;
        }

        /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, both Gregorian day dates.</summary>
        private static int DaysApart(HistoricalDate from, HistoricalDate to) =>
            NodaTime.Period.Between(LocalDateOf(from), LocalDateOf(to), NodaTime.PeriodUnits.Days).Days;

        private static NodaTime.LocalDate LocalDateOf(HistoricalDate d) => new(d.Year, d.Month!.Value, d.Day!.Value);
    }
}
