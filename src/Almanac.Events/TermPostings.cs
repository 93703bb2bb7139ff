using Almanac.Core;

namespace Almanac.Events;

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
/// When to look a mention's candidates up by their terms (<see cref="TermPostings{T}"/>) instead of comparing it with
/// every item of its years: never when those are few; else once items are filed, or once the mentions have between them
/// compared several times as many items as there are, since filing costs about what comparing each item once does. One
/// mention among thousands of events never files them.
/// </summary>
internal sealed class FilingBudget
{
    /// <summary>Items near a mention few enough to compare it with them all, sparing the lookup of its words.</summary>
    private const int FewToCompare = 64;

    private const int ComparisonsPerItem = 4;

    private long _compared;

    /// <summary>
    /// Whether to look up rather than compare with the <paramref name="near"/> items near a mention, out of
    /// <paramref name="items"/>, the ones looked up being <paramref name="filed"/> already or not; counts the comparisons when not.
    /// </summary>
    public bool LookUp(int near, int items, bool filed)
    {
        if (near <= FewToCompare)
            return false;
        if (filed || _compared + near > ComparisonsPerItem * (long)items)
            return true;
        _compared += near;
        return false;
    }
}
