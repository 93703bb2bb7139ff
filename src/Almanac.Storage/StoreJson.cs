using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Almanac.Core;

namespace Almanac.Storage;

/// <summary>How records are serialized into the store's payload columns, shared by every backend.</summary>
public static class StoreJson
{
    /// <summary>
    /// A payload holds what a record is made of and nothing it can compute again: no property without a setter or a
    /// constructor parameter (an event's document ids and date value, a claim's value). A mention keeps its date
    /// value, which the corrections' anchors match in SQL. Nulls stay: an absent property would read back as its
    /// default, which is not always null. An event is written without its mentions, which the mention rows filed under it
    /// hold already (<see cref="ShownMentions"/>); its mention and source counts stay, as computed when it is written.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new HistoricalDateJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputed, LeaveOutEventMentions } },
    };

    /// <summary>Each mention as its row holds it.</summary>
    public static IReadOnlyList<string> Payloads(IEnumerable<EventMention> mentions) => [.. mentions.Select(m => JsonSerializer.Serialize(m, Options))];

    /// <remarks>Written never, but still read: a payload from before holds them, and the migration that strips them reads them.</remarks>
    private static void LeaveOutEventMentions(JsonTypeInfo type)
    {
        if (type.Type == typeof(HistoricalEvent))
            type.Properties.Single(p => p.Name == "mentions").ShouldSerialize = (_, _) => false;
    }

    private static void LeaveOutComputed(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type == typeof(EventMention))
            return;
        foreach (var computed in type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
            type.Properties.Remove(computed);
    }
}
