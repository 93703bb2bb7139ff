using Almanac.Core;

namespace Almanac.Storage;

/// <summary>
/// What a store does, inside one write transaction, for the editorial layer: the SQL of each backend behind one shape, so
/// the rule of which event a correction follows is written once (<see cref="CorrectionLayer"/>).
/// </summary>
internal interface ICorrectionTables
{
    /// <summary>The corrections with these ids, or every correction when null, oldest first.</summary>
    IReadOnlyList<Correction> Corrections(IReadOnlyCollection<long>? ids);

    /// <summary>Whether any correction is active: when none is, writing events has nothing to lay over them.</summary>
    bool HasActiveCorrections();

    /// <summary>The active corrections with a mention filed under one of these events, and those applied to one of them now.</summary>
    IReadOnlyList<long> CorrectionsTouching(IReadOnlyCollection<string> eventIds);

    /// <summary>For each of these corrections (active ones only), the events holding the mentions it was made on, and how many each holds.</summary>
    IReadOnlyList<CorrectionHolding> Holdings(IReadOnlyCollection<long> correctionIds);

    void SetAppliedTo(long correctionId, string? eventId);

    /// <summary>The active corrections applied to this event, oldest first.</summary>
    IReadOnlyList<Correction> CorrectionsAppliedTo(string eventId);

    /// <summary>The stored event, hidden or not.</summary>
    HistoricalEvent? ReadEvent(string eventId);

    /// <summary>Replaces the stored event of this id: its row, search text, days and keys.</summary>
    void RewriteEvent(HistoricalEvent e);
}

/// <summary>
/// The editorial layer over the machine's events, applied where events are written so that every read (a day, an event,
/// search, and so every page, feed and API above them) sees the corrected events without knowing of corrections.
/// </summary>
/// <remarks>
/// A correction is kept on the mentions of its event (document and sentence), not on the event's id, which re-resolution
/// may change: after any write of events it follows the event holding the most of those mentions (<see cref="EditorialLayer.Targets"/>,
/// where a hide's exception is).
/// </remarks>
internal static class CorrectionLayer
{
    /// <summary>
    /// The mentions a correction is kept on: those its event keeps (the best, up to 100), each by its document, sentence and
    /// date (a sentence with two dates may belong to two events), which survive any re-resolution of the same documents.
    /// </summary>
    public static IReadOnlyList<(string DocumentId, int SentenceStart, string DateValue)> Anchors(HistoricalEvent e) =>
        e.Mentions.Select(m => (m.DocumentId, m.SentenceStart, m.DateValue)).Distinct().ToList();

    /// <summary>
    /// Points each of <paramref name="correctionIds"/> (every correction when null) at the event it follows now, and rewrites
    /// the events that gained or lost a correction, and those it follows, as the machine's event with their corrections on top.
    /// </summary>
    public static void Reapply(ICorrectionTables tables, IReadOnlyCollection<long>? correctionIds)
    {
        var corrections = tables.Corrections(correctionIds);
        if (corrections.Count == 0)
            return;
        var targets = EditorialLayer.Targets(tables.Holdings(corrections.Where(c => c.IsActive).Select(c => c.Id).ToList()));
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var correction in corrections)
        {
            var target = targets.GetValueOrDefault(correction.Id);
            if (correction.AppliedTo is { } before)
                touched.Add(before);
            if (target is not null)
                touched.Add(target);
            if (target != correction.AppliedTo)
                tables.SetAppliedTo(correction.Id, target);
        }
        foreach (var eventId in touched)
        {
            if (tables.ReadEvent(eventId) is not { } stored)
                continue;
            tables.RewriteEvent(EditorialLayer.Apply(EditorialLayer.MachineOf(stored), tables.CorrectionsAppliedTo(eventId)));
        }
    }

    /// <summary>After events were written: the corrections those events touch follow their events again.</summary>
    public static void ReapplyAround(ICorrectionTables tables, IReadOnlyCollection<string> eventIds)
    {
        if (!tables.HasActiveCorrections())
            return;
        var touching = tables.CorrectionsTouching(eventIds);
        if (touching.Count > 0)
            Reapply(tables, touching);
    }

    /// <summary>Whether a reader may see this event: hidden events are kept for the resolver and the editor only.</summary>
    public static HistoricalEvent? Visible(HistoricalEvent? e) => e?.Editorial?.Hidden == true ? null : e;

    /// <summary>
    /// The event as a reader sees it, read with <paramref name="stored"/>: null when hidden, and without the aftermath links
    /// to events that are hidden (an event's aftermath was written when it was resolved, before any later hide).
    /// </summary>
    public static HistoricalEvent? Visible(string eventId, Func<string, HistoricalEvent?> stored) =>
        Visible(stored(eventId)) is { } e
            ? e.Aftermath.Count == 0 ? e : e with { Aftermath = e.Aftermath.Where(a => Visible(stored(a.Id)) is not null).ToList() }
            : null;

    /// <summary>A stored correction from the columns both stores keep it in.</summary>
    public static Correction Read(long id, string eventId, string titleThen, string action, string? title, string? date, string? kind,
        string reason, string editor, DateTimeOffset at, DateTimeOffset? undoneAt, string? undoneBy, string? appliedTo) =>
        new(id, new CorrectionRequest(eventId, Enum.Parse<CorrectionAction>(action, ignoreCase: true), reason, editor, at, title,
                date is null ? null : HistoricalDateJsonConverter.Parse(date), kind is null ? null : Enum.Parse<MentionKind>(kind, ignoreCase: true)),
            titleThen)
        { UndoneAt = undoneAt, UndoneBy = undoneBy, AppliedTo = appliedTo };

    /// <summary>How an action, a date and a kind are written in the corrections table.</summary>
    public static (string Action, string? Date, string? Kind) Columns(CorrectionRequest request) => (
        request.Action.ToString().ToLowerInvariant(),
        request.Date is { } date ? HistoricalDateJsonConverter.Format(date) : null,
        request.Kind?.ToString().ToLowerInvariant());
}
