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

    internal const double MinSimilarity = 0.3;

    /// <summary>Mentions (and documents per date claim) an event keeps to show; an event a thousand sources name still reads as one page.</summary>
    public const int MaxKeptMentions = 100;

    private readonly Func<string, string> _lineageOf;
    private readonly KeywordFrequencies? _keywordFrequencies;
    private readonly IReadOnlyDictionary<string, int>? _mentionsPerDocument;

    /// <param name="lineageOf">The copy lineage of a document; independent sources have distinct lineages.</param>
    /// <param name="keywordFrequencies">
    /// How often each keyword stands in every stored mention, when the mentions given are only some of them (an incremental
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
            if (InParallel(clusters, people, sentenceClusters) is { } built)
                events.AddRange(built.Select(b => b.Event with { Id = StableId(b.Lead, ids) }));
            else
                foreach (var cluster in clusters)
                    if (EventOf(cluster, people, ids, sentenceClusters) is { } one)
                        events.Add(one);
            return Aftermath.Link(events, documents, resolver._lineageOf, Fail, resolver._mentionsPerDocument);
        }

        /// <summary>
        /// The clusters' events built on every core, each on its own (building reads only what the pass gives it), their ids
        /// still to be given in order; null when building one throws: <see cref="EventOf"/>, one after the other, then finds
        /// which documents fail, and leaves their mentions out of the clusters after, as it did before any was built at once.
        /// </summary>
        private List<(HistoricalEvent Event, EventMention Lead)>? InParallel(List<Cluster> clusters, IReadOnlyDictionary<string, string> people,
            IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
        {
            var owns = clusters.Select(c => c.Mentions.Where(m => !_failures.ContainsKey(m.DocumentId)).ToList()).ToList();
            var built = new (HistoricalEvent Event, EventMention Lead)?[clusters.Count];
            try
            {
                Parallel.For(0, clusters.Count, i =>
                {
                    if (owns[i].Count > 0)
                        built[i] = resolver.Build(clusters[i], owns[i], documents, people, sentenceClusters);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is not OutOfMemoryException))
            {
                return null;
            }
            return built.OfType<(HistoricalEvent, EventMention)>().ToList();
        }

        private List<Cluster> Cluster()
        {
            var weights = resolver._keywordFrequencies is { } frequencies ? new KeywordWeights(frequencies) : new KeywordWeights(mentions);
            var clusters = new List<Cluster>();
            var index = new ClusterIndex(weights);
            foreach (var mention in InResolutionOrder(mentions))
            {
                if (_failures.ContainsKey(mention.DocumentId))
                    continue;
                try
                {
                    var best = index.Near(mention)
                        .Where(c => c.Kind == mention.Kind && c.DateCompatible(mention) && !c.HoldsEntryOf(mention))
                        .Select(c => (Cluster: c, Score: c.Similarity(mention, weights)))
                        .Where(x => x.Score >= MinSimilarity && !x.Cluster.Contradicts(mention))
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
                        index.Grew(best, best.Add(mention));
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
    /// and of those, once the mentions have compared many (<see cref="FilingBudget"/>), only the ones sharing a decisive
    /// word, a person or a place with a mention (<see cref="EventTerms"/>); each event's cluster and each mention's are built once, so a document of thousands of
    /// mentions among thousands of nearby events costs about their sum, not their product.
    /// </summary>
    /// <remarks>
    /// The mentions are tested on every core. Whether a mention meets an event does not depend on the others, nor on
    /// whether its candidates were looked up or compared (the lookup leaves out only events that cannot meet it): only
    /// the budget, which decides that, is kept in the mentions' order, and each event's list is filled in that order after.
    /// </remarks>
    public IReadOnlyList<IReadOnlyList<EventMention>> MentionsMeeting(IReadOnlyList<IReadOnlyList<EventMention>> events, IReadOnlyList<EventMention> mentions)
    {
        var weights = _keywordFrequencies is { } frequencies ? new KeywordWeights(frequencies) : null;
        var stored = new Cluster?[events.Count];
        var alike = new List<List<EventMention>>?[events.Count];
        var years = new YearsIndex();
        for (var i = 0; i < events.Count; i++)
            foreach (var mention in events[i])
                years.Add(mention, i);
        var near = new int[mentions.Count];
        var decisive = new DecisiveWords?[mentions.Count];
        Parallel.For(0, mentions.Count, j =>
        {
            near[j] = years.Count(mentions[j]);
            if (weights is not null)
                decisive[j] = DecisiveWords.Of(mentions[j].Keywords.Distinct(StringComparer.Ordinal), weights);
        });
        TermPostings<int>? terms = null; // filed once mentions have compared many events (FilingBudget)
        var budget = new FilingBudget();
        var lookUp = new bool[mentions.Count];
        for (var j = 0; j < mentions.Count; j++)
            if (weights is not null && budget.LookUp(near[j], events.Count, filed: terms is not null) && decisive[j] is { Unbounded: false })
            {
                terms ??= EventTerms(events, weights, stored, alike);
                lookUp[j] = true;
            }
        var meets = new List<int>[mentions.Count];
        Parallel.For(0, mentions.Count, j =>
        {
            var mention = mentions[j];
            Cluster? founded = null;
            // An event's cluster and alike groups may be built by two cores at once: both build the same.
            meets[j] = Candidates(j).Where(i => weights is null
                    ? CouldMeet(events[i], mention, new KeywordWeights([.. events[i], mention]))
                    : CouldMeet(events[i], mention, weights, stored[i] ??= ClusterOf(events[i], weights), founded ??= new Cluster(mention, 0, weights), alike[i] ??= Alike(events[i])))
                .ToList();
        });
        var meeting = events.Select(_ => new List<EventMention>()).ToArray();
        for (var j = 0; j < mentions.Count; j++)
            foreach (var i in meets[j])
                meeting[i].Add(mentions[j]);
        return meeting;

        IEnumerable<int> Candidates(int j) =>
            !lookUp[j] || terms!.Count(mentions[j], decisive[j]!) >= near[j] ? years.Near(mentions[j])
                : terms.Candidates(mentions[j], decisive[j]!).Where(i => years.IsNear(i, mentions[j])).Distinct().Order();
    }

    /// <summary>
    /// The events filed under what a new mention must share with one to meet it either way: the event's words, people
    /// and places, the decisive words of its cluster (the mention joining it) and of each of its alike mentions (the
    /// event's mentions joining one the mention founds). Builds each event's cluster and alike groups, which the test reads too.
    /// </summary>
    private static TermPostings<int> EventTerms(IReadOnlyList<IReadOnlyList<EventMention>> events, KeywordWeights weights, Cluster?[] stored, List<List<EventMention>>?[] alike)
    {
        var filed = new (IReadOnlyList<Term> Terms, bool Unbounded)[events.Count];
        Parallel.For(0, events.Count, i =>
        {
            if (events[i].Count == 0)
                return;
            var cluster = stored[i] = ClusterOf(events[i], weights);
            var groups = alike[i] = Alike(events[i]);
            var decisive = groups.Select(same => DecisiveWords.Of(same[0].Keywords.Distinct(StringComparer.Ordinal), weights)).ToList();
            filed[i] = (cluster.Terms().Concat(decisive.SelectMany(d => d.Decided).Select(w => new Term(TermKind.DecisiveWord, w))).Distinct().ToList(),
                cluster.Unbounded || decisive.Any(d => d.Unbounded));
        });
        var terms = new TermPostings<int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Count == 0)
                continue;
            foreach (var term in filed[i].Terms)
                terms.File(term, i);
            if (filed[i].Unbounded)
                terms.FileUnbounded(i);
        }
        return terms;
    }

    /// <summary>
    /// Which of some events have a mention whose years, with a year's margin either side (two days apart may be two
    /// years), touch a mention's: no other event can be date-compatible with it either way, so the meeting test skips
    /// them. A span longer than <see cref="EventKeys.MaxFiledYears"/> is near everything.
    /// </summary>
    private sealed class YearsIndex
    {
        private readonly Dictionary<int, List<int>> _byYear = [];
        private readonly HashSet<int> _long = [];
        private readonly Dictionary<int, HashSet<int>> _yearsOf = [];

        /// <summary>Files an event under a mention's years.</summary>
        public void Add(EventMention mention, int index)
        {
            var (first, last) = Years(mention);
            if (last - first > EventKeys.MaxFiledYears)
            {
                _long.Add(index);
                return;
            }
            var years = _yearsOf.TryGetValue(index, out var filed) ? filed : _yearsOf[index] = [];
            for (var year = first; year <= last; year++)
                // Filed once per year, not per mention: an event of thousands of mentions made every lookup read them all.
                if (years.Add(year))
                    (_byYear.TryGetValue(year, out var list) ? list : _byYear[year] = []).Add(index);
        }

        /// <summary>The events near the mention, each once, in their order.</summary>
        public IEnumerable<int> Near(EventMention mention)
        {
            var (first, last) = Years(mention);
            if (last - first > EventKeys.MaxFiledYears)
                return _byYear.Values.SelectMany(l => l).Concat(_long).Distinct().Order();
            return Enumerable.Range(first, last - first + 1).SelectMany(y => _byYear.GetValueOrDefault(y) ?? []).Concat(_long).Distinct().Order();
        }

        /// <summary>How many events <see cref="Near"/> reads for the mention, repeats included.</summary>
        public int Count(EventMention mention)
        {
            var (first, last) = Years(mention);
            return _long.Count + (last - first > EventKeys.MaxFiledYears
                ? _byYear.Values.Sum(l => l.Count)
                : Enumerable.Range(first, last - first + 1).Sum(y => _byYear.GetValueOrDefault(y)?.Count ?? 0));
        }

        /// <summary>Whether <see cref="Near"/> gives the event for the mention.</summary>
        public bool IsNear(int index, EventMention mention)
        {
            var (first, last) = Years(mention);
            if (last - first > EventKeys.MaxFiledYears || _long.Contains(index))
                return true;
            if (!_yearsOf.TryGetValue(index, out var years))
                return false;
            // A loop, not a query: asked for every candidate of every mention.
            for (var year = first; year <= last; year++)
                if (years.Contains(year))
                    return true;
            return false;
        }

        private static (int First, int Last) Years(EventMention mention)
        {
            var (first, last) = mention.Date.ToGregorian().YearSpan;
            if (mention.EndDate is { } end)
                last = Math.Max(last, end.ToGregorian().YearSpan.Last);
            return (first - 1, last + 1);
        }
    }

    /// <summary>Whether the event and the mention could meet in a resolution: what <see cref="MentionsMeeting"/> tests for each pair it does not rule out.</summary>
    internal bool CouldMeet(IReadOnlyList<EventMention> eventMentions, EventMention mention, KeywordWeights weights, Cluster? stored = null, Cluster? founded = null,
        List<List<EventMention>>? alike = null)
    {
        if (eventMentions.Count == 0 || eventMentions[0].Kind != mention.Kind)
            return false;
        stored ??= ClusterOf(eventMentions, weights);
        if (stored.DateCompatible(mention) && !stored.HoldsEntryOf(mention) && stored.Similarity(mention, weights) >= MinSimilarity && !stored.Contradicts(mention))
            return true;
        // Alike mentions are grouped without their documents and clauses, so this direction leaves out what those decide
        // (Cluster.Contradicts): it may name an event that cannot meet, never miss one that can.
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

    private HistoricalEvent ToEvent(Cluster cluster, IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, IReadOnlyDictionary<string, string> canonicalPeople, HashSet<string> ids,
        IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
    {
        var (built, lead) = Build(cluster, mentions, documents, canonicalPeople, sentenceClusters);
        return built with { Id = StableId(lead, ids) };
    }

    /// <summary>The event of a cluster's mentions, with the lead mention its id is to be made from (<see cref="StableId"/>), which depends on the events built before it.</summary>
    private (HistoricalEvent Event, EventMention Lead) Build(Cluster cluster, IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents,
        IReadOnlyDictionary<string, string> canonicalPeople, IReadOnlyDictionary<string, HashSet<Cluster>> sentenceClusters)
    {
        var claims = DateClaims(mentions);
        var best = BestClaim(claims);
        var lead = mentions.OrderByDescending(m => m.Date.Precision).ThenByDescending(m => m.IsTopic).ThenBy(m => m.Clause.Length).First();
        var headline = Headlines.Of(mentions, documents, best);
        var title = Titles.Of(mentions, documents, headline);
        var people = mentions.SelectMany(m => m.People).Select(p => canonicalPeople.GetValueOrDefault(p, p))
            .GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var places = mentions.SelectMany(m => m.Places).Distinct(StringComparer.Ordinal).ToList();
        var summaries = Summaries.Of(mentions, documents, title, best, _lineageOf, Elsewhere(cluster, mentions, sentenceClusters, best));
        return (new HistoricalEvent(
            "", lead.Kind, title, headline, best.Date, best.EndDate,
            claims, people, places, summaries.InShort, 0, mentions)
        {
            Why = summaries.Why,
            Content = summaries.Content,
            RelatedReading = Books.Named(mentions, documents, title, people),
            // The lead mention's picture when it has one: it stands by the passage the event is best dated in.
            Picture = lead.Picture ?? mentions.Select(m => m.Picture).FirstOrDefault(p => p is not null),
        }, lead);
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
}
