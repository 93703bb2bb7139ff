using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Cli;

/// <summary>The JSON shapes the CLI prints, built from store records; names are part of the CLI's contract.</summary>
public static class EventViews
{
    public sealed record SourceView(string Id, string Title, string Path);

    public sealed record DateClaimView(string Value, string Precision, IReadOnlyList<SourceView> Sources, int Lineages)
    {
        /// <summary>The date as people read it (<see cref="DateDisplay"/>); <see cref="Value"/> is its TIMEX3 value.</summary>
        public string Display { get; init; } = "";
    }

    public sealed record CitedView(string Text, SourceView Source);

    /// <param name="Year">The year in historical numbering, as Wikimedia's feed gives it: 44 BC is -44.</param>
    /// <param name="Date">The TIMEX3 value of the date the event is listed under.</param>
    public sealed record DayEventView(string Id, int Year, string Date, string Text, string Title, bool Disputed, IReadOnlyList<SourceView> Sources)
    {
        /// <summary>The date as people read it (<see cref="DateDisplay"/>): "15 March 44 BC".</summary>
        public string Display { get; init; } = "";

        /// <summary>event, birth, death or holiday: the section a day page lists it in.</summary>
        public string Kind { get; init; } = "event";

        /// <summary>Which calendar the listed day is in and why, as the web's day page says it (<see cref="DayListing.CalendarNote"/>); null for an ordinary Gregorian day.</summary>
        public string? CalendarNote { get; init; }
    }

    /// <summary>A holiday listed without a year: the day's every year.</summary>
    public sealed record HolidayView(string Name, IReadOnlyList<SourceView> Sources);

    public sealed record DayView(string Date, IReadOnlyList<DayEventView> Events)
    {
        public IReadOnlyList<HolidayView> Holidays { get; init; } = [];
    }

    /// <summary>The day's holidays in <paramref name="year"/>: those of the day itself and the moving ones falling on it that year.</summary>
    public static IReadOnlyList<HolidayView> Holidays(IAlmanacStore store, NodaTime.AnnualDate day, int year) =>
        Curation.Holidays.On(store, day, year)
            .Select(h => new HolidayView(h.Name, h.DocumentIds.Select(id => Source(store, id)).ToList())).ToList();

    public sealed record EventView(
        string Id, string Title, string Text, string Date, string Precision, IReadOnlyList<DateClaimView> Dates,
        bool DatesConflict, IReadOnlyList<CitedView> InShort, IReadOnlyList<string> People, IReadOnlyList<string> Places,
        double Significance, IReadOnlyList<SourceView> Sources)
    {
        /// <summary>The date as people read it (<see cref="DateDisplay"/>); <see cref="Date"/> is its TIMEX3 value.</summary>
        public string Display { get; init; } = "";
        public IReadOnlyList<CitedView> Why { get; init; } = [];
        public IReadOnlyList<CitedView> Content { get; init; } = [];
        public IReadOnlyList<EventLink> Aftermath { get; init; } = [];
        public IReadOnlyList<Reading> RelatedReading { get; init; } = [];

        /// <summary>What the editor corrected, and what the machine had; null when the event is as the machine resolved it.</summary>
        public EditorialView? Editorial { get; init; }
    }

    public sealed record EditorialView(string MachineOriginal, IReadOnlyList<Commands.CorrectionCommands.CorrectionView> Corrections);

    public static SourceView Source(IAlmanacStore store, string documentId) =>
        store.GetDocument(documentId) is { } d
            ? new SourceView(d.Id, d.Title, d.Path)
            : new SourceView(documentId, documentId, "");

    public static DayEventView DayEvent(IAlmanacStore store, DayEntry entry) => new(
        entry.Event.Id, DateDisplay.HistoricalYear(entry.ListedDate.Year), entry.ListedDate.ToTimex(), entry.Event.Text, entry.Event.Title, !entry.IsPrimaryDate,
        entry.Event.Mentions.Where(m => CoversDay(m, entry.ListedDate)).Select(m => m.DocumentId).Distinct().Select(id => Source(store, id)).ToList())
    {
        Display = DateDisplay.Of(entry.ListedDate),
        Kind = entry.Event.Kind.ToString().ToLowerInvariant(),
        CalendarNote = DayListing.CalendarNote(entry.Event, entry.ListedDate),
    };

    /// <summary>An event found by a search, listed under its own date.</summary>
    public static DayEventView Found(IAlmanacStore store, HistoricalEvent e) => new(
        e.Id, DateDisplay.HistoricalYear(e.Date.Year), e.DateValue, e.Text, e.Title, false, e.DocumentIds.Select(id => Source(store, id)).ToList())
    {
        Display = DateDisplay.Of(e.Date, e.EndDate),
        Kind = e.Kind.ToString().ToLowerInvariant(),
    };

    public static EventView Event(IAlmanacStore store, HistoricalEvent e) => new(
        e.Id, e.Title, e.Text, e.DateValue, e.Date.Precision.ToString().ToLowerInvariant(),
        e.DateClaims.Select(c => new DateClaimView(c.Value, c.Date.Precision.ToString().ToLowerInvariant(), c.DocumentIds.Select(id => Source(store, id)).ToList(), c.Lineages)
        {
            Display = DateDisplay.Of(c.Date, c.EndDate),
        }).ToList(),
        ConflictingClaims(e).Count > 1,
        e.Summary.Select(s => new CitedView(s.Text, Source(store, s.DocumentId))).ToList(),
        e.People, e.Places, e.Significance, e.DocumentIds.Select(id => Source(store, id)).ToList())
    {
        Display = DateDisplay.Of(e.Date, e.EndDate),
        Editorial = e.Editorial is { } note
            ? new EditorialView(EditorialLayer.MachineOriginal(note), note.Corrections.Select(Commands.CorrectionCommands.CorrectionView.Of).ToList())
            : null,
        Why = e.Why.Select(s => new CitedView(s.Text, Source(store, s.DocumentId))).ToList(),
        Content = e.Content.Select(s => new CitedView(s.Text, Source(store, s.DocumentId))).ToList(),
        Aftermath = e.Aftermath,
        RelatedReading = e.RelatedReading,
    };

    /// <summary>The claims that disagree: day-level claims that are not the same day, coarser ones that do not contain the event's date.</summary>
    public static IReadOnlyList<DateClaim> ConflictingClaims(HistoricalEvent e) =>
        e.DateClaims.Where(c => c.Date.Precision == e.Date.Precision || !e.Date.IsWithin(c.Date)).ToList();

    private static bool CoversDay(EventMention mention, HistoricalDate listed) =>
        mention.Date.Precision != Precision.Day
            ? listed.IsWithin(mention.Date)
            : mention.Date.ToGregorian() == listed.ToGregorian() || mention.Date == listed
              || (mention.EndDate is { } end && end.ToGregorian() == listed.ToGregorian());
}
