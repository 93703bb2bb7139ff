using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// The mentions of one event as the resolver gathers them (<see cref="EventResolver"/>): founded by its most precise
/// mention, joined by those similar enough whose dates are compatible with it.
/// </summary>
internal sealed class Cluster
{
    private readonly Dictionary<string, int> _keywords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);
    private readonly HashSet<string> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _entryDocuments = new(StringComparer.Ordinal);
    /// <summary>The events its mentions name ("the Battle of Ligny"), by kind.</summary>
    private readonly HashSet<NamedEvent> _named = [];
    /// <summary>For each document, the days (or ranges) it dates the event to, each with the sentence stating it, or none when several do.</summary>
    private readonly Dictionary<string, Dictionary<DayClaim, int?>> _daysByDocument = new(StringComparer.Ordinal);

    private readonly KeywordWeights _weights;
    /// <summary>Its decisive words, tracked from when it is first filed under its terms (<see cref="Terms"/>).</summary>
    private DecisiveWords? _decisive;
    private double _keywordWeight;

    public Cluster(EventMention first, int order, KeywordWeights weights)
    {
        Kind = first.Kind;
        Anchor = first.Date;
        Years = first.Date.ToGregorian().YearSpan;
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

    /// <summary>The years its founding date covers (Gregorian), which it is filed under.</summary>
    public (int First, int Last) Years { get; }

    /// <summary>Whether a word it holds weighs nothing or less, so that it must be compared with every mention (<see cref="DecisiveWords.Unbounded"/>).</summary>
    public bool Unbounded => _decisive?.Unbounded ?? false;

    /// <summary>
    /// Everything it is filed under: its words, its decisive words, its people and places. From then on, <see cref="Add"/>
    /// returns what it gains; until then, clusters that are never looked up by their terms spend nothing on them.
    /// </summary>
    public IReadOnlyList<Term> Terms()
    {
        if (_decisive is null)
        {
            _decisive = new DecisiveWords();
            _decisive.Add(_keywords.Keys.Select(k => (k, _weights.Of(k))));
        }
        return
        [
            .. _keywords.Keys.Select(k => new Term(TermKind.Word, k)),
            .. _decisive.Decided.Select(k => new Term(TermKind.DecisiveWord, k)),
            .. _people.Concat(_places).Distinct(StringComparer.Ordinal).Select(n => new Term(TermKind.Name, n)),
        ];
    }

    /// <summary>Adds a mention; once the cluster is filed under its terms (<see cref="Terms"/>), returns those it gained by it.</summary>
    public IReadOnlyList<Term> Add(EventMention mention)
    {
        Mentions.Add(mention);
        var gained = _decisive is null ? null : new List<Term>();
        var newWords = gained is null ? null : new List<(string, double)>();
        foreach (var k in mention.Keywords)
        {
            if (!_keywords.ContainsKey(k))
            {
                var weight = _weights.Of(k);
                _keywordWeight += weight;
                newWords?.Add((k, weight));
                gained?.Add(new Term(TermKind.Word, k));
            }
            _keywords[k] = _keywords.GetValueOrDefault(k) + 1;
        }
        if (_decisive is not null)
            foreach (var word in _decisive.Add(newWords!))
                gained!.Add(new Term(TermKind.DecisiveWord, word));
        foreach (var person in mention.People)
            if (_people.Add(person) && !_places.Contains(person))
                gained?.Add(new Term(TermKind.Name, person));
        foreach (var place in mention.Places)
            if (_places.Add(place) && !_people.Contains(place))
                gained?.Add(new Term(TermKind.Name, place));
        if (mention.IsDayPageEntry)
            _entryDocuments.Add(mention.DocumentId);
        _named.UnionWith(NamedEvents.In(mention.Clause));
        if (mention.Date.Precision == Precision.Day)
        {
            var days = _daysByDocument.TryGetValue(mention.DocumentId, out var own) ? own : _daysByDocument[mention.DocumentId] = [];
            var claim = DayClaim.Of(mention);
            days[claim] = days.TryGetValue(claim, out var sentence) && sentence != mention.SentenceStart ? null : mention.SentenceStart;
        }
        return gained ?? [];
    }

    /// <summary>Whether the mention is an entry of a day page another entry of which is already this event: a page lists each event once.</summary>
    public bool HoldsEntryOf(EventMention mention) => mention.IsDayPageEntry && _entryDocuments.Contains(mention.DocumentId);

    /// <summary>
    /// A day date is compatible with a day-founded event within <see cref="EventResolver.MaxDayDisagreement"/>
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
            return Math.Abs(DaysApart(anchor, date)) <= EventResolver.MaxDayDisagreement || DayClaim.Of(mention).Covers(anchor);
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

    /// <summary>
    /// Whether the mention, similar as it may be, says this is not its event: its document dates the event to another day
    /// elsewhere (<see cref="ContradictsItsDocument"/>), or it names another event of a kind this one names ("the Battle of
    /// Ligny" against "the Battle of Quatre Bras", fought the same day and told in the same words).
    /// </summary>
    public bool Contradicts(EventMention mention) =>
        (mention.Date.Precision == Precision.Day && ContradictsItsDocument(mention))
        || (_named.Count > 0 && NamedEvents.In(mention.Clause) is { Count: > 0 } named
            && named.GroupBy(n => n.Kind, StringComparer.Ordinal).Any(kind => _named.Any(n => n.Kind == kind.Key) && !kind.Any(_named.Contains)));

    /// <summary>
    /// Whether another sentence of the mention's document dates this event to another day. Written apart, two days of one
    /// source are two events ("Lincoln was shot on April 14" and "died early the next morning"), not one event whose
    /// sources disagree; one sentence may give two days of one event ("7 December (8 December in Japan)"), and a range
    /// agrees with the days it covers.
    /// </summary>
    private bool ContradictsItsDocument(EventMention mention)
    {
        if (!_daysByDocument.TryGetValue(mention.DocumentId, out var own))
            return false;
        var claim = DayClaim.Of(mention);
        return own.Any(other => other.Value != mention.SentenceStart && !other.Key.Covers(claim.Day) && !claim.Covers(other.Key.Day));
    }

    /// <summary>A Gregorian day a mention dates an event to, and the end of the range it opens, if any.</summary>
    private readonly record struct DayClaim(HistoricalDate Day, HistoricalDate? End)
    {
        public static DayClaim Of(EventMention mention) => new(mention.Date.ToGregorian(), mention.EndDate?.ToGregorian());

        public bool Covers(HistoricalDate day)
        {
            var from = DaysApart(Day, day);
            return from == 0 || (from > 0 && End is { } end && DaysApart(day, end) >= 0);
        }
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, both Gregorian day dates.</summary>
    private static int DaysApart(HistoricalDate from, HistoricalDate to) =>
        NodaTime.Period.DaysBetween(EventKeys.LocalDateOf(from), EventKeys.LocalDateOf(to));
}
