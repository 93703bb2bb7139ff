using System.Text.Json;
using Almanac.Core;

namespace Almanac.Storage;

/// <summary>A mention row an event keeps to show: the event, the mention's place in its <see cref="HistoricalEvent.Mentions"/>, and the mention as stored.</summary>
internal sealed record ShownMention(string EventId, int Order, string Payload);

/// <summary>A mention row filed under an event, by what a payload's copy of it is matched on (as <see cref="CorrectionLayer.Anchors"/> are).</summary>
internal sealed record FiledMention(long Id, string EventId, string DocumentId, int SentenceStart, string DateValue);

/// <summary>What a store does, inside its migration's transaction, to move the shown mentions out of payloads written before (<see cref="ShownMentions.MoveOutOfPayloads"/>).</summary>
internal interface IPayloadRewrite
{
    /// <summary>The events whose ids come after <paramref name="afterId"/> in ordinal order, at most <paramref name="limit"/>, with their payloads.</summary>
    IReadOnlyList<(string Id, string Payload)> EventsAfter(string afterId, int limit);

    /// <summary>The mention rows filed under these events.</summary>
    IReadOnlyList<FiledMention> FiledUnder(IReadOnlyCollection<string> eventIds);

    /// <summary>Writes the events' payloads (by id) and the places of the mentions they show (by row).</summary>
    void Write(IReadOnlyList<(string Id, string Payload)> payloads, IReadOnlyList<(long MentionId, int Order)> shown);
}

/// <summary>
/// An event's payload leaves out its mentions (<see cref="StoreJson"/>): every mention is stored once, as a row of its
/// document, and those an event keeps to show are the rows filed under it with their place in its list
/// (<see cref="MentionAssignment.ShownOrder"/>). Both stores read a page's events, then their shown mentions in one query,
/// and put them back here.
/// </summary>
internal static class ShownMentions
{
    /// <summary>A stored event as its payload holds it, without its mentions until <see cref="Attach(IReadOnlyList{HistoricalEvent}, IEnumerable{ShownMention})"/>.</summary>
    public static HistoricalEvent ReadEvent(string payload)
    {
        var e = JsonSerializer.Deserialize<HistoricalEvent>(payload, StoreJson.Options) ?? throw new InvalidDataException("stored event is empty");
        // Absent from the payload, the list reads back as null.
        return e with { Mentions = [] };
    }

    /// <summary>The events, each with the mentions it shows (<paramref name="shown"/>, rows of any of them) in their order.</summary>
    public static IReadOnlyList<HistoricalEvent> Attach(IReadOnlyList<HistoricalEvent> events, IEnumerable<ShownMention> shown)
    {
        var byEvent = shown.GroupBy(s => s.EventId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Order).Select(s => Deserialize(s.Payload)).ToList(), StringComparer.Ordinal);
        return events.Select(e => byEvent.TryGetValue(e.Id, out var mentions) ? e with { Mentions = mentions } : e).ToList();
    }

    /// <summary>The entries, each event with the mentions it shows, read by <paramref name="read"/> for all of them at once.</summary>
    public static IReadOnlyList<DayEntry> Attach(IReadOnlyList<DayEntry> entries, Func<IReadOnlyCollection<string>, IEnumerable<ShownMention>> read)
    {
        if (entries.Count == 0)
            return entries;
        var events = Attach(entries.Select(d => d.Event).ToList(), read(entries.Select(d => d.Event.Id).ToHashSet(StringComparer.Ordinal)));
        return entries.Zip(events, (entry, e) => entry with { Event = e }).ToList();
    }

    /// <summary>
    /// A payload written before events left out their mentions, as it is written now, and the rows of its mentions with their
    /// place in its list: a payload mention is the row filed under the event with its document, sentence and date (the
    /// n-th of a sentence's mentions alike, the n-th such row). A mention no row is filed for (a store from before filing,
    /// which `almanac reindex` files) is not kept.
    /// </summary>
    private static (string Payload, IReadOnlyList<(long MentionId, int Order)> Shown) Split(string oldPayload, IEnumerable<FiledMention> filedUnderIt)
    {
        var e = JsonSerializer.Deserialize<HistoricalEvent>(oldPayload, StoreJson.Options) ?? throw new InvalidDataException("stored event is empty");
        var rows = filedUnderIt.OrderBy(f => f.Id)
            .GroupBy(f => (f.DocumentId, f.SentenceStart, f.DateValue))
            .ToDictionary(g => g.Key, g => new Queue<long>(g.Select(f => f.Id)));
        var shown = new List<(long, int)>();
        foreach (var (mention, order) in (e.Mentions ?? []).Select((m, i) => (m, i)))
            if (rows.TryGetValue((mention.DocumentId, mention.SentenceStart, mention.DateValue), out var alike) && alike.TryDequeue(out var id))
                shown.Add((id, order));
        return (JsonSerializer.Serialize(e, StoreJson.Options), shown);
    }

    /// <summary>How many events' payloads the migration rewrites at once: a page of them, so it never holds the whole store.</summary>
    private const int EventsAtOnce = 1000;

    /// <summary>Rewrites every stored payload as <see cref="Split"/> does, a page of events at a time, and files the places of the mentions they show.</summary>
    public static void MoveOutOfPayloads(IPayloadRewrite store)
    {
        for (var events = store.EventsAfter("", EventsAtOnce); events.Count > 0; events = store.EventsAfter(events[^1].Id, EventsAtOnce))
        {
            var filed = store.FiledUnder(events.Select(e => e.Id).ToList()).ToLookup(f => f.EventId, StringComparer.Ordinal);
            var split = events.Select(e => (e.Id, Split: Split(e.Payload, filed[e.Id]))).ToList();
            store.Write(split.Select(e => (e.Id, e.Split.Payload)).ToList(), split.SelectMany(e => e.Split.Shown).ToList());
        }
    }

    private static EventMention Deserialize(string payload) =>
        JsonSerializer.Deserialize<EventMention>(payload, StoreJson.Options) ?? throw new InvalidDataException("stored mention is empty");
}
