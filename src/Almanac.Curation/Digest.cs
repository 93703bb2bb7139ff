using Almanac.Core;
using Almanac.Storage;
using NodaTime;

namespace Almanac.Curation;

/// <summary>A day's digest for a newsletter or a feed: the selected events with their sources, and a thought for the day where a source gives one.</summary>
public sealed record Digest(AnnualDate Day, int Year, IReadOnlyList<DigestEvent> Events, Thought? Thought, SourceRef? ThoughtSource)
{
    public string Title => $"On this day: {DateDisplay.Day(Day)}";

    /// <summary>
    /// Builds the digest of <paramref name="day"/> as seen in <paramref name="year"/> (for round
    /// anniversaries). The thought is taken from the day's own sources, most significant event first.
    /// </summary>
    public static Digest Build(IAlmanacStore store, Sources sources, AnnualDate day, int year)
    {
        var entries = store.GetEventsOnDay(day.Month, day.Day);
        var selected = Selection.Select(entries, year);
        var events = selected.Select(s => new DigestEvent(s.Entry, sources.ForListing(s.Entry), s.Why)).ToList();
        var thought = entries
            .OrderByDescending(e => e.Event.Significance)
            .SelectMany(e => e.Event.DocumentIds)
            .Distinct(StringComparer.Ordinal)
            .Select(id => store.GetDocument(id) is { } document ? Thought.Find(document.Id, document.Text) : null)
            .FirstOrDefault(t => t is not null);
        return new Digest(day, year, events, thought, thought is null ? null : sources.Get(thought.DocumentId));
    }
}

public sealed record DigestEvent(DayEntry Entry, IReadOnlyList<SourceRef> Sources, string Why);
