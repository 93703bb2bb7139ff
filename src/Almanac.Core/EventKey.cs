namespace Almanac.Core;

/// <summary>The kinds of date key an event is filed under in the store, so a new mention finds the events its date could join.</summary>
public enum EventKeyKind
{
    /// <summary>A day some source dates the event to (Gregorian, as year × 400 + day of year).</summary>
    Day,

    /// <summary>A year a coarser date of the event (a month, a season, a year, a decade) covers.</summary>
    CoarseYear,

    /// <summary>A year any date of the event falls in.</summary>
    AnyYear,

    /// <summary>A date spanning too many years to file under each (a century): compared with every mention.</summary>
    Long,
}

/// <summary>One key an event is filed under.</summary>
public sealed record EventKey(EventKeyKind Kind, int Value);

/// <summary>The keys of one kind from <see cref="From"/> to <see cref="To"/>, both included, that a mention looks events up by.</summary>
public sealed record EventKeyRange(EventKeyKind Kind, int From, int To)
{
    /// <summary>
    /// The same keys in as few ranges as cover them: overlapping and adjacent ranges of a kind joined, in key order. A
    /// batch's mentions look up thousands of ranges (five days and three years around each date), most of them shared or
    /// touching; looked up joined, each key is read once.
    /// </summary>
    public static IReadOnlyList<EventKeyRange> Union(IEnumerable<EventKeyRange> ranges)
    {
        var union = new List<EventKeyRange>();
        foreach (var range in ranges.OrderBy(r => r.Kind).ThenBy(r => r.From))
        {
            if (union.Count > 0 && union[^1] is var last && last.Kind == range.Kind && (long)range.From <= (long)last.To + 1)
                union[^1] = last with { To = Math.Max(last.To, range.To) };
            else
                union.Add(range);
        }
        return union;
    }
}

/// <summary>How many stored mentions there are and in how many of them each keyword stands, so a word's weight is known without reading every mention.</summary>
public sealed record KeywordFrequencies(int Mentions, IReadOnlyDictionary<string, int> ByKeyword);
