using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Clusters filed so a mention is compared only with clusters whose date could be compatible and whose words could be
/// similar enough. A day-founded cluster is filed under its day, and a day mention (not a range) meets only those within
/// <see cref="EventResolver.MaxDayDisagreement"/> days of it, so a thousand events of one year cost a day mention a few
/// comparisons. Other clusters are filed under the years their founding date covers; coarser mentions and ranges meet
/// the clusters of their years and of the year before and after, across New Year: all of them when those are few or
/// mentions have compared few so far, else only those sharing a decisive word, a person or a place with the mention
/// (<see cref="TermPostings{T}"/>), which are the only ones it could join.
/// </summary>
internal sealed class ClusterIndex(KeywordWeights weights)
{
    private readonly Dictionary<int, List<Cluster>> _byDay = [];
    private readonly Dictionary<int, List<Cluster>> _byYear = [];
    private readonly Dictionary<int, List<Cluster>> _coarseByYear = [];
    private readonly List<Cluster> _long = [];
    private readonly List<Cluster> _filedByYear = [];
    private readonly HashSet<Cluster> _unbounded = [];
    private readonly FilingBudget _budget = new();

    /// <summary>The clusters filed by years, under their terms: filed once mentions have compared many (<see cref="FilingBudget"/>).</summary>
    private TermPostings<Cluster>? _terms;

    /// <summary>Files a cluster just founded.</summary>
    public void Add(Cluster cluster)
    {
        var anchor = cluster.Anchor.ToGregorian();
        if (anchor.Precision == Precision.Day)
            File(_byDay, EventKeys.DayKey(EventKeys.LocalDateOf(anchor)), cluster);
        var (first, last) = anchor.YearSpan;
        if (IsLong(cluster))
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
        _filedByYear.Add(cluster);
        if (_terms is not null)
            FileTerms(cluster, cluster.Terms());
    }

    /// <summary>Files a cluster under the terms it gained with a mention (<see cref="Cluster.Add"/>).</summary>
    public void Grew(Cluster cluster, IReadOnlyList<Term> gained)
    {
        if (_terms is not null && !IsLong(cluster))
            FileTerms(cluster, gained);
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
            for (var offset = -EventResolver.MaxDayDisagreement; offset <= EventResolver.MaxDayDisagreement; offset++)
                foreach (var cluster in _byDay.GetValueOrDefault(EventKeys.DayKey(day.PlusDays(offset))) ?? [])
                    if (seen.Add(cluster))
                        yield return cluster;
        }
        var byYear = dayOnly ? _coarseByYear : _byYear;
        var inYears = Enumerable.Range(first - 1, last - first + 3).Select(year => byYear.GetValueOrDefault(year) ?? []).ToList();
        var yearCount = inYears.Sum(clusters => clusters.Count);
        var decisive = _budget.LookUp(yearCount, _filedByYear.Count, filed: _terms is not null)
            ? DecisiveWords.Of(mention.Keywords.Distinct(StringComparer.Ordinal), weights)
            : null;
        var terms = decisive is { Unbounded: false } ? FiledTerms() : null;
        var sharing = terms is not null && terms.Count(mention, decisive!) + _unbounded.Count < yearCount
            ? terms.Candidates(mention, decisive!).Concat(_unbounded).Where(c => InYears(c, first - 1, last + 1) && (!dayOnly || IsCoarse(c)))
            : null;
        foreach (var cluster in sharing ?? inYears.SelectMany(clusters => clusters))
            if (seen.Add(cluster))
                yield return cluster;
        foreach (var cluster in _long)
            yield return cluster;
    }

    private TermPostings<Cluster> FiledTerms()
    {
        if (_terms is null)
        {
            _terms = new TermPostings<Cluster>();
            foreach (var cluster in _filedByYear)
                FileTerms(cluster, cluster.Terms());
        }
        return _terms;
    }

    private void FileTerms(Cluster cluster, IReadOnlyList<Term> terms)
    {
        foreach (var term in terms)
            _terms!.File(term, cluster);
        if (cluster.Unbounded)
            _unbounded.Add(cluster);
    }

    private static bool IsLong(Cluster cluster) => cluster.Years.Last - cluster.Years.First >= EventKeys.MaxFiledYears;

    private static bool IsCoarse(Cluster cluster) => cluster.Anchor.ToGregorian().Precision != Precision.Day;

    private static bool InYears(Cluster cluster, int first, int last) => cluster.Years.First <= last && cluster.Years.Last >= first;

    private static void File(Dictionary<int, List<Cluster>> index, int key, Cluster cluster) =>
        (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(cluster);
}
