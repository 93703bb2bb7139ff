namespace Almanac.Events;

/// <summary>
/// The words of a bag (a mention's keywords, an event's) one of which another bag must share for their similarity to
/// reach <see cref="EventResolver.MinSimilarity"/> without a shared person or place: the heaviest, taken until those
/// left weigh less than that share of the bag. Similarity is the shared weight over the lighter bag's
/// (<see cref="Cluster.Similarity"/>), so two bags that share neither's decisive words cannot meet. Looking a mention up
/// by those words (<see cref="TermPostings{T}"/>) finds every event it could meet, where comparing it with every event of
/// its years made a chronology of thousands of year-dated sentences quadratic. A bag grows word by word (an event gains
/// mentions); words once decisive stay so, which only adds candidates.
/// </summary>
internal sealed class DecisiveWords
{
    // The words left must weigh less than the share by a margin, for the rounding of sums taken in another order.
    private const double Share = EventResolver.MinSimilarity * (1 - 1e-6);

    private readonly PriorityQueue<string, double> _undecided = new(Comparer<double>.Create((a, b) => b.CompareTo(a)));
    private readonly List<string> _decided = [];
    private double _undecidedWeight;
    private double _weight;

    /// <summary>The words decisive so far.</summary>
    public IReadOnlyList<string> Decided => _decided;

    /// <summary>Whether a word weighs nothing or less, which the bound does not hold for: the bag must then be compared whatever it shares.</summary>
    public bool Unbounded { get; private set; }

    /// <summary>The decisive words of one bag of distinct words.</summary>
    public static DecisiveWords Of(IEnumerable<string> distinctWords, KeywordWeights weights)
    {
        var words = new DecisiveWords();
        words.Add(distinctWords.Select(w => (w, weights.Of(w))));
        return words;
    }

    /// <summary>Adds words the bag did not have, with their weights; returns those that became decisive.</summary>
    public IReadOnlyList<string> Add(IEnumerable<(string Word, double Weight)> newWords)
    {
        foreach (var (word, weight) in newWords)
        {
            Unbounded |= !(weight > 0);
            _undecided.Enqueue(word, weight);
            _undecidedWeight += weight;
            _weight += weight;
        }
        var from = _decided.Count;
        while (_undecidedWeight >= Share * _weight && _undecided.TryDequeue(out var word, out var weight))
        {
            _decided.Add(word);
            _undecidedWeight -= weight;
        }
        return from == _decided.Count ? [] : _decided[from..];
    }
}
