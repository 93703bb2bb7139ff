using Almanac.Core;

namespace Almanac.Events;

/// <summary>Inverse document frequency of keywords over all mentions: a word every mention shares says little.</summary>
internal sealed class KeywordWeights
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly int _count;

    public KeywordWeights(IReadOnlyList<EventMention> mentions)
    {
        _count = mentions.Count;
        foreach (var mention in mentions)
            foreach (var keyword in mention.Keywords.Distinct(StringComparer.Ordinal))
                _frequency[keyword] = _frequency.GetValueOrDefault(keyword) + 1;
    }

    public double Of(string keyword) => Math.Log((_count + 1.0) / (_frequency.GetValueOrDefault(keyword) + 0.5));
}
