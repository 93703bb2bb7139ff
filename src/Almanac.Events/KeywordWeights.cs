using Almanac.Core;

namespace Almanac.Events;

/// <summary>Inverse document frequency of keywords over all mentions: a word every mention shares says little.</summary>
internal sealed class KeywordWeights
{
    private readonly IReadOnlyDictionary<string, int> _frequency;
    private readonly int _count;

    /// <summary>Weights from frequencies kept in the store, over every stored mention, when only some are resolved now.</summary>
    public KeywordWeights(KeywordFrequencies frequencies) => (_count, _frequency) = (frequencies.Mentions, frequencies.ByKeyword);

    public KeywordWeights(IReadOnlyList<EventMention> mentions)
    {
        _count = mentions.Count;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in mentions)
            foreach (var keyword in mention.Keywords.Distinct(StringComparer.Ordinal))
                frequency[keyword] = frequency.GetValueOrDefault(keyword) + 1;
        _frequency = frequency;
    }

    public double Of(string keyword) => Math.Log((_count + 1.0) / (_frequency.GetValueOrDefault(keyword) + 0.5));
}
