namespace Almanac.Events;

/// <summary>
/// Where each word stands among some numbered items (a source's sentences, by their key words), to find the items
/// sharing at least a number of words of a set without reading the others. An item sharing k of the set's words holds
/// one of its (words present − k + 1) rarest, so only their items are read, never those of a word every item has.
/// </summary>
internal sealed class WordIndex
{
    private readonly Dictionary<int, IReadOnlySet<string>> _words = [];
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

    public WordIndex(IEnumerable<(int Position, IReadOnlySet<string> Words)> items)
    {
        foreach (var (position, words) in items)
        {
            _words[position] = words;
            foreach (var word in words)
                (_positions.TryGetValue(word, out var at) ? at : _positions[word] = []).Add(position);
        }
    }

    /// <summary>The positions, in order, of the items holding at least <paramref name="atLeast"/> (one or more) of the words.</summary>
    public IEnumerable<int> SharingAtLeast(IReadOnlySet<string> words, int atLeast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atLeast, 1);
        var standing = words.Select(word => _positions.GetValueOrDefault(word)).OfType<List<int>>().OrderBy(at => at.Count).ToList();
        return standing.Take(standing.Count - atLeast + 1).SelectMany(at => at).Distinct().Order()
            .Where(position => _words[position].Count(words.Contains) >= atLeast);
    }
}
