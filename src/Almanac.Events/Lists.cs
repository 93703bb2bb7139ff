namespace Almanac.Events;

/// <summary>
/// Commas that separate the items of a list ("Burma, Malaya, the Dutch East Indies, and Singapore"), which end no
/// clause: a clause is neither cut nor ended at them.
/// </summary>
internal static class Lists
{
    /// <summary>An item of a list is a name or a short phrase.</summary>
    private const int MaxItemWords = 3;

    /// <summary>How far (in characters) an item is looked for on either side of a comma.</summary>
    private const int ItemReach = MaxItemWords * 16;

    /// <summary>Whether the ", " at <paramref name="commaAt"/> has a short item on each side that a comma also bounds: "Hungary, Slovakia, and Romania".</summary>
    public static bool SeparatesItems(string text, int commaAt) => FollowsItem(text, commaAt) || ItemFollows(text, commaAt);

    /// <summary>Whether the comma at <paramref name="commaAt"/> ends a short item that a comma opens: the ", and" of "Hungary, Slovakia, and Romania".</summary>
    public static bool FollowsItem(string text, int commaAt)
    {
        if (commaAt < 2)
            return false;
        var before = text.LastIndexOf(", ", commaAt - 1, Math.Min(commaAt, ItemReach), StringComparison.Ordinal);
        return before >= 0 && Words.Count(text, before + 2, commaAt) <= MaxItemWords;
    }

    private static bool ItemFollows(string text, int commaAt)
    {
        var start = commaAt + 2;
        if (start >= text.Length)
            return false;
        var after = text.IndexOf(", ", start, Math.Min(text.Length - start, ItemReach), StringComparison.Ordinal);
        return after >= 0 && Words.Count(text, start, after) <= MaxItemWords;
    }
}
