using System.Security.Cryptography;
using System.Text;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>A document left out of resolution because a step threw on its mentions, and why.</summary>
public sealed record ResolutionFailure(string DocumentId, string Reason);

/// <summary>The events resolved from every document that did not fail, and the documents that did.</summary>
public sealed record Resolution(IReadOnlyList<HistoricalEvent> Events, IReadOnlyList<ResolutionFailure> Failures)
{
    /// <summary>Every mention of each event by its id, though an event keeps only its best to show: what the store files under the event.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EventMention>> MentionsOf { get; init; } = new Dictionary<string, IReadOnlyList<EventMention>>();
}

/// <summary>
/// Merges mentions that speak of the same event, within and across documents, into events.
/// Two mentions are one event when their dates are compatible (one within the other, or day
/// dates at most <see cref="MaxDayDisagreement"/> days apart, which sources do disagree by) and
/// their words, people and places overlap enough, words weighted by how rare they are.
/// </summary>
public sealed class EventResolver
{
    /// <summary>Days by which sources stating the same event may disagree before it counts as another event.</summary>
    public const int MaxDayDisagreement = EventKeys.MaxDayDisagreement;

    private const double MinSimilarity = 0.3;

    /// <summary>Mentions (and documents per date claim) an event keeps to show; an event a thousand sources name still reads as one page.</summary>
    public const int MaxKeptMentions = 100;

    private readonly Func<string, string> _lineageOf;
    private readonly KeywordFrequencies? _keywordFrequencies;
    private readonly IReadOnlyDictionary<string, int>? _mentionsPerDocument;

    /// <param name="lineageOf">The copy lineage of a document; independent sources have distinct lineages.</param>
    /// <param name="keywordFrequencies">
    /// How often each keyword stands in every resolved mention, when the mentions given are only some of them (an incremental
    /// resolution); by default the mentions given are all there are and the words are counted in them.
    /// </param>
    /// <param name="mentionsPerDocument">How many mentions each document has in all, for the same reason (a source's share of them is the event's centrality in it).</param>
    public EventResolver(Func<string, string>? lineageOf = null, KeywordFrequencies? keywordFrequencies = null, IReadOnlyDictionary<string, int>? mentionsPerDocument = null)
    {
        _lineageOf = lineageOf ?? (id => id);
        _keywordFrequencies = keywordFrequencies;
        _mentionsPerDocument = mentionsPerDocument;
    }

    /// <summary>
    /// Resolves the mentions into events. A document whose mentions make any step throw (placing a mention,
    /// building an event's title or summary, linking aftermath) is left out with the reason, and the rest is
    /// resolved again without it, so one bad document never stops the others: the result is the resolution
    /// of the documents that did not fail.
    /// </summary>
    public Resolution Resolve(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents)
    {
        var failures = new List<ResolutionFailure>();
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var included = excluded.Count == 0 ? mentions : mentions.Where(m => !excluded.Contains(m.DocumentId)).ToList();
            var pass = new ResolutionPass(this, included, documents);
            var events = pass.Run();
            if (pass.Failures.Count == 0)
                return new Resolution(events.Select(KeepForDisplay).ToList(), failures)
                {
                    MentionsOf = events.ToDictionary(e => e.Id, e => e.Mentions, StringComparer.Ordinal),
                };
            foreach (var failure in pass.Failures.Where(f => excluded.Add(f.DocumentId)))
                failures.Add(failure);
        }
    }

    /// <summary>
    /// One resolution over a fixed set of mentions, noting documents that fail instead of throwing. Once a
    /// document has failed its later mentions are skipped; the caller resolves again without it, so that no
    /// event keeps part of a failed document.
    /// </summary>
    private sealed class ResolutionPass(EventResolver resolver, IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents)
    {
        private readonly Dictionary<string, ResolutionFailure> _failures = new(StringComparer.Ordinal);

        public IReadOnlyCollection<ResolutionFailure> Failures => _failures.Values;

        public IReadOnlyList<HistoricalEvent> Run()
        {
            var clusters = Cluster();
            var people = PersonNames.CanonicalForms(mentions.SelectMany(m => m.People.Select(p => (p, m.DocumentId))));
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var sentenceClusters = new Dictionary<string, HashSet<Cluster>>(StringComparer.Ordinal);
            foreach (var cluster in clusters)
                foreach (var mention in cluster.Mentions)
                    (sentenceClusters.TryGetValue(mention.Sentence.Trim(), out var set) ? set : sentenceClusters[mention.Sentence.Trim()] = []).Add(cluster);
            var events = new List<HistoricalEvent>();
            foreach (var cluster in clusters)
                if (EventOf(cluster, people, ids, sentenceClusters) is { } built)
                    events.Add(built);
            return Aftermath.Link(events, documents, resolver._lineageOf, Fail, resolver._mentionsPerDocument);
        }

        private List<Cluster> Cluster()
        {
            var weights = resolver._keywordFrequencies is { } frequencies ? new KeywordWeights(frequencies) : new KeywordWeights(mentions);
            var clusters = new List<Cluster>();
            var index = new ClusterIndex();
            foreach (var mention in InResolutionOrder(mentions))
            {
                if (_failures.ContainsKey(mention.DocumentId))
                    continue;
                try
                {
                    var best = index.Near(mention)
                        .Where(c => c.Kind == mention.Kind && c.DateCompatible(mention) && !c.HoldsEntryOf(mention))
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
                        index.Add(cluster);
                    }
                    else
                    {
                        best.Add(mention);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Fail(mention.DocumentId, "placing a mention", e);
                }
            }
            return clusters;
        }

        /// <summary>
        /// The cluster's event; when building it throws, each document's mentions are tried alone to find the
        /// ones at fault (all of them when none fails alone), and the event is built from the others.
        /// </summary>
        private HistoricalEvent? EventOf(Cluster cluster, IReadOnlyDictionary<string, string> people, HashSet<string> ids,
            IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
        {
            var own = cluster.Mentions.Where(m => !_failures.ContainsKey(m.DocumentId)).ToList();
            if (own.Count == 0)
                return null;
            try
            {
                return resolver.ToEvent(cluster, own, documents, people, ids, sentenceClusters);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var byDocument = own.GroupBy(m => m.DocumentId, StringComparer.Ordinal).ToList();
                var faulty = byDocument.Where(g => Throws(() => resolver.ToEvent(cluster, g.ToList(), documents, people, [], sentenceClusters)))
                    .Select(g => g.Key).ToList();
                foreach (var documentId in faulty.Count > 0 ? faulty : byDocument.Select(g => g.Key))
                    Fail(documentId, "building an event", e);
                return null;
            }
        }

        private void Fail(string documentId, string step, Exception e) =>
            _failures.TryAdd(documentId, new ResolutionFailure(documentId, $"{step} failed ({e.GetType().Name}: {e.Message})"));

        private static bool Throws(Action action)
        {
            try
            {
                action();
                return false;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return true;
            }
        }
    }

    /// <summary>Precise and topical mentions first, so coarse ones join an event rather than found one; then by place, so the order never depends on arrival.</summary>
    private static IOrderedEnumerable<EventMention> InResolutionOrder(IEnumerable<EventMention> mentions) =>
        mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic)
            .ThenBy(m => m.DocumentId, StringComparer.Ordinal).ThenBy(m => m.SentenceStart);

    /// <summary>
    /// For each stored event (given by its mentions), the new mentions it could meet in a resolution: the mention could
    /// join the event, or the event's mentions could join one the mention founds (same kind, compatible dates, similar
    /// enough). An incremental resolution re-resolves only the events some new mention could meet, and those the resolver
    /// must see beside them. Only the events with a mention in the years around a new mention's are tested (<see cref="YearsIndex"/>),
    /// and each event's cluster and each mention's are built once, so a day page of hundreds of entries among hundreds
    /// of nearby events costs about their sum, not their product.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<EventMention>> MentionsMeeting(IReadOnlyList<IReadOnlyList<EventMention>> events, IReadOnlyList<EventMention> mentions)
    {
        var weights = _keywordFrequencies is { } frequencies ? new KeywordWeights(frequencies) : null;
        var stored = new Cluster?[events.Count];
        var alike = new List<List<EventMention>>?[events.Count];
        var founded = new Dictionary<EventMention, Cluster>(ReferenceEqualityComparer.Instance);
        var meeting = events.Select(_ => new List<EventMention>()).ToArray();
        var years = new YearsIndex();
        for (var i = 0; i < events.Count; i++)
            foreach (var mention in events[i])
                years.Add(mention, i);
        foreach (var mention in mentions)
            foreach (var i in years.Near(mention))
            {
                var e = events[i];
                var meets = weights is null
                    ? CouldMeet(e, mention, new KeywordWeights([.. e, mention]))
                    : CouldMeet(e, mention, weights, stored[i] ??= ClusterOf(e, weights), Founded(mention, weights), alike[i] ??= Alike(e));
                if (meets)
                    meeting[i].Add(mention);
            }
        return meeting;

        Cluster Founded(EventMention mention, KeywordWeights weights) =>
            founded.TryGetValue(mention, out var cluster) ? cluster : founded[mention] = new Cluster(mention, 0, weights);
    }

    /// <summary>
    /// Which of some events have a mention whose years, with a year's margin either side (two days apart may be two
    /// years), touch a mention's: no other event can be date-compatible with it either way, so the meeting test skips
    /// them. A span longer than <see cref="EventKeys.MaxFiledYears"/> is near everything.
    /// </summary>
    private sealed class YearsIndex
    {
        private readonly Dictionary<int, List<int>> _byYear = [];
        private readonly List<int> _long = [];

        /// <summary>Files an event under a mention's years; an event's mentions are added together, so each list holds it once.</summary>
        public void Add(EventMention mention, int index)
        {
            var (first, last) = Years(mention);
            if (last - first > EventKeys.MaxFiledYears)
            {
                AddOnce(_long, index);
                return;
            }
            for (var year = first; year <= last; year++)
                AddOnce(_byYear.TryGetValue(year, out var list) ? list : _byYear[year] = [], index);
        }

        // Filed once per mention, an event of thousands of mentions made every lookup read them all.
        private static void AddOnce(List<int> events, int index)
        {
            if (events.Count == 0 || events[^1] != index)
                events.Add(index);
        }

        /// <summary>The events near the mention, each once, in their order.</summary>
        public IEnumerable<int> Near(EventMention mention)
        {
            var (first, last) = Years(mention);
            if (last - first > EventKeys.MaxFiledYears)
                return _byYear.Values.SelectMany(l => l).Concat(_long).Distinct().Order();
            return Enumerable.Range(first, last - first + 1).SelectMany(y => _byYear.GetValueOrDefault(y) ?? []).Concat(_long).Distinct().Order();
        }

        private static (int First, int Last) Years(EventMention mention)
        {
            var (first, last) = mention.Date.ToGregorian().YearSpan;
            if (mention.EndDate is { } end)
                last = Math.Max(last, end.ToGregorian().YearSpan.Last);
            return (first - 1, last + 1);
        }
    }

    private bool CouldMeet(IReadOnlyList<EventMention> eventMentions, EventMention mention, KeywordWeights weights, Cluster? stored = null, Cluster? founded = null,
        List<List<EventMention>>? alike = null)
    {
        if (eventMentions.Count == 0 || eventMentions[0].Kind != mention.Kind)
            return false;
        stored ??= ClusterOf(eventMentions, weights);
        if (stored.DateCompatible(mention) && !stored.HoldsEntryOf(mention) && stored.Similarity(mention, weights) >= MinSimilarity)
            return true;
        founded ??= new Cluster(mention, 0, weights);
        return (alike ?? Alike(eventMentions)).Any(same =>
            founded.DateCompatible(same[0]) && founded.Similarity(same[0], weights) >= MinSimilarity && same.Any(m => !founded.HoldsEntryOf(m)));
    }

    /// <summary>
    /// An event's mentions grouped by all that a cluster's date and similarity tests read of them (dates, keywords,
    /// people, places), so each group is tested once against a new mention: a page of 90,000 dated sentences holds
    /// thousands of alike mentions per event, and testing each of them against each new one made its ingest quadratic.
    /// </summary>
    private static List<List<EventMention>> Alike(IReadOnlyList<EventMention> mentions) => mentions
        .GroupBy(m => (m.Date, m.EndDate, Terms: string.Join('\u0001', m.Keywords.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            + '\u0002' + string.Join('\u0001', m.People.Order(StringComparer.Ordinal)) + '\u0002' + string.Join('\u0001', m.Places.Order(StringComparer.Ordinal))))
        .Select(g => g.ToList())
        .ToList();

    private static Cluster ClusterOf(IReadOnlyList<EventMention> eventMentions, KeywordWeights weights)
    {
        var ordered = InResolutionOrder(eventMentions).ToList();
        var cluster = new Cluster(ordered[0], 0, weights);
        foreach (var other in ordered.Skip(1))
            cluster.Add(other);
        return cluster;
    }

    /// <summary>
    /// What an event keeps to show: its best <see cref="MaxKeptMentions"/> mentions, one per document first
    /// (most precise, topical, shortest), with the full counts; the dates, summaries and significance were
    /// computed from all of them.
    /// </summary>
    private static HistoricalEvent KeepForDisplay(HistoricalEvent e)
    {
        if (e.Mentions.Count <= MaxKeptMentions && e.DateClaims.All(c => c.DocumentIds.Count <= MaxKeptMentions))
            return e;
        var kept = e.Mentions
            .OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic).ThenBy(m => m.Sentence.Length)
            .GroupBy(m => m.DocumentId, StringComparer.Ordinal)
            .SelectMany(g => g.Select((m, rank) => (Mention: m, Rank: rank)))
            .OrderBy(x => x.Rank)
            .Take(MaxKeptMentions)
            .Select(x => x.Mention)
            .ToList();
        return e with
        {
            Mentions = kept,
            DateClaims = e.DateClaims.Select(c => c with { DocumentIds = c.DocumentIds.Take(MaxKeptMentions).ToList(), DocumentCount = c.DocumentCount }).ToList(),
            MentionCount = e.MentionCount,
            SourceCount = e.SourceCount,
        };
    }

    /// <summary>
    /// Clusters filed so a mention is compared only with clusters whose date could be compatible. A
    /// day-founded cluster is filed under its day, and a day mention (not a range) meets only those within
    /// <see cref="MaxDayDisagreement"/> days of it, so a thousand events of one year cost a day mention a few
    /// comparisons. Other clusters are filed under the years their founding date covers; coarser mentions and
    /// ranges meet every cluster of their years and of the year before and after, across New Year.
    /// </summary>
    private sealed class ClusterIndex
    {
        private readonly Dictionary<int, List<Cluster>> _byDay = [];
        private readonly Dictionary<int, List<Cluster>> _byYear = [];
        private readonly Dictionary<int, List<Cluster>> _coarseByYear = [];
        private readonly List<Cluster> _long = [];

        public void Add(Cluster cluster)
        {
            var anchor = cluster.Anchor.ToGregorian();
            if (anchor.Precision == Precision.Day)
                File(_byDay, EventKeys.DayKey(EventKeys.LocalDateOf(anchor)), cluster);
            var (first, last) = anchor.YearSpan;
            if (last - first >= EventKeys.MaxFiledYears)
            {
                _long.Add(cluster);
                return;
            }
            for (var year = first; year <= last; year++)
            {
                File(_byYear, year, cluster);
                if (anchor.Precision != Precision.Day)
                    File(_coarseByYear, year, cluster);
            }
        }

        public IEnumerable<Cluster> Near(EventMention mention)
        {
            var date = mention.Date.ToGregorian();
            var (first, last) = date.YearSpan;
            var seen = new HashSet<Cluster>();
            var dayOnly = date.Precision == Precision.Day && mention.EndDate is null;
            if (dayOnly)
            {
                var day = EventKeys.LocalDateOf(date);
                for (var offset = -MaxDayDisagreement; offset <= MaxDayDisagreement; offset++)
                    foreach (var cluster in _byDay.GetValueOrDefault(EventKeys.DayKey(day.PlusDays(offset))) ?? [])
                        if (seen.Add(cluster))
                            yield return cluster;
            }
            var byYear = dayOnly ? _coarseByYear : _byYear;
            for (var year = first - 1; year <= last + 1; year++)
                foreach (var cluster in byYear.GetValueOrDefault(year) ?? [])
                    if (seen.Add(cluster))
                        yield return cluster;
            foreach (var cluster in _long)
                yield return cluster;
        }

        private static void File(Dictionary<int, List<Cluster>> index, int key, Cluster cluster) =>
            (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(cluster);
    }

    private HistoricalEvent ToEvent(Cluster cluster, IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, IReadOnlyDictionary<string, string> canonicalPeople, HashSet<string> ids,
        IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
    {
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
            Content = Summaries.Content(mentions, documents, title, summary, Elsewhere(cluster, mentions, sentenceClusters, best)),
            RelatedReading = Books.Named(mentions, documents, title, people),
            // The lead mention's picture when it has one: it stands by the passage the event is best dated in.
            Picture = lead.Picture ?? mentions.Select(m => m.Picture).FirstOrDefault(p => p is not null),
        };
    }

    /// <summary>Whether a sentence dates another event, or gives this event a date other than its own.</summary>
    private static Func<string, bool> Elsewhere(Cluster cluster, IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters, DateClaim best)
    {
        var disagreeing = mentions.Where(m => m.DateValue != best.Value && !best.Date.IsWithin(m.Date)).Select(m => m.Sentence.Trim())
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
            return new DateClaim(g.First().Date, g.First().EndDate, docs, docs.Select(_lineageOf).Distinct(StringComparer.Ordinal).Count()) { DocumentCount = docs.Count };
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
            .ThenByDescending(c => c.DocumentCount)
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
        private readonly HashSet<string> _entryDocuments = new(StringComparer.Ordinal);

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
            if (mention.IsDayPageEntry)
                _entryDocuments.Add(mention.DocumentId);
        }

        /// <summary>Whether the mention is an entry of a day page another entry of which is already this event: a page lists each event once.</summary>
        public bool HoldsEntryOf(EventMention mention) => mention.IsDayPageEntry && _entryDocuments.Contains(mention.DocumentId);

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
            NodaTime.Period.Between(EventKeys.LocalDateOf(from), EventKeys.LocalDateOf(to), NodaTime.PeriodUnits.Days).Days;
    }
}
