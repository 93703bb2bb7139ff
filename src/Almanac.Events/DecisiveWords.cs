using Almanac.Core;

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

/// <summary>What an event or cluster is filed under to be found by the mentions it could meet (<see cref="TermPostings{T}"/>).</summary>
internal enum TermKind { Word, DecisiveWord, Name }

internal readonly record struct Term(TermKind Kind, string Text);

/// <summary>
/// Events (or clusters) filed under every word they hold, their decisive words (<see cref="DecisiveWords"/>) and their
/// people and places, so a mention finds the ones it could meet: those holding one of its decisive words, those one of
/// its words is decisive for, and those sharing a person or place (each adds to similarity on its own). An event filed
/// under an unbounded bag is a candidate for every mention. Callers file each term of an item once.
/// </summary>
internal sealed class TermPostings<T>
{
    private readonly Dictionary<Term, List<T>> _items = [];
    private readonly List<T> _unbounded = [];

    public void File(Term term, T item) => (_items.TryGetValue(term, out var items) ? items : _items[term] = []).Add(item);

    public void FileUnbounded(T item) => _unbounded.Add(item);

    /// <summary>How many candidates <see cref="Candidates"/> yields, repeats included: what looking them up costs.</summary>
    public int Count(EventMention mention, DecisiveWords decisive)
    {
        var count = _unbounded.Count;
        foreach (var items in Lookups(mention, decisive))
            count += items.Count;
        return count;
    }

    /// <summary>Every item the mention could meet, some more than once, and others besides.</summary>
    public IEnumerable<T> Candidates(EventMention mention, DecisiveWords decisive) => Lookups(mention, decisive).SelectMany(items => items).Concat(_unbounded);

    private IEnumerable<List<T>> Lookups(EventMention mention, DecisiveWords decisive)
    {
        foreach (var word in decisive.Decided)
            if (_items.TryGetValue(new Term(TermKind.Word, word), out var items))
                yield return items;
        foreach (var word in mention.Keywords.Distinct(StringComparer.Ordinal))
            if (_items.TryGetValue(new Term(TermKind.DecisiveWord, word), out var items))
                yield return items;
        foreach (var name in mention.People.Concat(mention.Places).Distinct(StringComparer.Ordinal))
            if (_items.TryGetValue(new Term(TermKind.Name, name), out var items))
                yield return items;
    }
}

/// <summary>
/// When to file items under their terms (<see cref="TermPostings{T}"/>) instead of comparing each mention with every item
/// of its years: filing costs about what comparing each item once does, so it pays only once the mentions have between
/// them compared several times as many items as there are; one mention among thousands of events never files them.
/// </summary>
internal sealed class FilingBudget
{
    private const int ComparisonsPerItem = 4;

    private long _compared;

    /// <summary>Whether comparing with <paramref name="comparisons"/> more items passes the budget for <paramref name="items"/>; counts them when not.</summary>
    public bool Spent(int comparisons, int items)
    {
        if (_compared + comparisons > ComparisonsPerItem * (long)items)
            return true;
        _compared += comparisons;
        return false;
    }
}
