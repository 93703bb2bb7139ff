namespace Almanac.Core;

/// <summary>What an editor does to an event the machine got wrong: hide it, or correct its date, headline or kind.</summary>
public enum CorrectionAction
{
    Hide,
    Correct,
}

/// <summary>
/// An editor's correction of one event, as asked for: the event it was made on, what it changes (null: keep the machine's),
/// why, who and when. <see cref="Title"/> replaces both the event's title and its on-this-day line.
/// </summary>
public sealed record CorrectionRequest(
    string EventId,
    CorrectionAction Action,
    string Reason,
    string Editor,
    DateTimeOffset At,
    string? Title = null,
    HistoricalDate? Date = null,
    MentionKind? Kind = null);

/// <summary>
/// A stored correction with its audit trail: its number, the request, the event's title when it was made, whether and by whom it
/// was undone, and the event it applies to now (null when undone, or when no stored event holds its mentions any more).
/// </summary>
public sealed record Correction(long Id, CorrectionRequest Request, string TitleThen)
{
    public DateTimeOffset? UndoneAt { get; init; }

    public string? UndoneBy { get; init; }

    public string? AppliedTo { get; init; }

    public bool IsActive => UndoneAt is null;
}

/// <summary>
/// What the editor changed on an event: the machine's title, line, date and kind before the change, and the corrections
/// applied (oldest first; a later one overrides an earlier one's fields). Kept on the event so every reader shows the
/// corrected event and its page can say what the machine had.
/// </summary>
public sealed record EditorialNote(
    string MachineTitle,
    string MachineText,
    HistoricalDate MachineDate,
    HistoricalDate? MachineEndDate,
    MentionKind MachineKind,
    IReadOnlyList<Correction> Corrections)
{
    public bool Hidden => Corrections.Any(c => c.Request.Action == CorrectionAction.Hide);

    /// <summary>True when an editor set the date: the event is then listed under that day only, not the days its sources give.</summary>
    public bool DateCorrected => Corrections.Any(c => c.Request.Date is not null);
}

/// <summary>How many of a correction's mentions an event holds (<see cref="Held"/>) out of all its own (<see cref="EventMentions"/>).</summary>
public sealed record CorrectionHolding(long CorrectionId, CorrectionAction Action, string EventId, int Held, int EventMentions);

/// <summary>How corrections are laid over the machine's event, and taken off again.</summary>
public static class EditorialLayer
{
    /// <summary>The event with <paramref name="corrections"/> applied in order; the machine's event itself when there are none.</summary>
    public static HistoricalEvent Apply(HistoricalEvent machine, IReadOnlyList<Correction> corrections)
    {
        if (corrections.Count == 0)
            return machine;
        var corrected = machine with
        {
            Editorial = new EditorialNote(machine.Title, machine.Text, machine.Date, machine.EndDate, machine.Kind, corrections),
        };
        foreach (var request in corrections.Select(c => c.Request))
        {
            if (request.Title is { } title)
                corrected = corrected with { Title = title, Text = title };
            if (request.Date is { } date)
                corrected = corrected with { Date = date, EndDate = null };
            if (request.Kind is { } kind)
                corrected = corrected with { Kind = kind };
        }
        return corrected;
    }

    /// <summary>The machine's event under a corrected one: what the resolver wrote, before any editor touched it.</summary>
    public static HistoricalEvent MachineOf(HistoricalEvent e) => e.Editorial is not { } note
        ? e
        : e with
        {
            Title = note.MachineTitle,
            Text = note.MachineText,
            Date = note.MachineDate,
            EndDate = note.MachineEndDate,
            Kind = note.MachineKind,
            Editorial = null,
        };

    /// <summary>
    /// Which event each correction follows, from the events holding the mentions it was made on: the one holding the most
    /// (ties: the one they are the larger share of, then the lowest id). A hide follows it only while those mentions are at least half of the event's: when the hidden
    /// event merges into a larger one, what the other sources say is not hidden with it, and the hide waits.
    /// </summary>
    public static IReadOnlyDictionary<long, string> Targets(IEnumerable<CorrectionHolding> holdings) =>
        holdings.GroupBy(h => h.CorrectionId)
            .Select(g => g.OrderByDescending(h => h.Held).ThenBy(h => h.EventMentions).ThenBy(h => h.EventId, StringComparer.Ordinal).First())
            .Where(h => h.Action != CorrectionAction.Hide || h.Held * 2 >= h.EventMentions)
            .ToDictionary(h => h.CorrectionId, h => h.EventId);

    /// <summary>What a correction does, in words, for the event page, the CLI and the corrections list: "set the date to 21 October 1859".</summary>
    public static string Describe(CorrectionRequest request)
    {
        if (request.Action == CorrectionAction.Hide)
            return "hid the event";
        var changes = new List<string>();
        if (request.Date is { } date)
            changes.Add($"set the date to {DateDisplay.Of(date)}");
        if (request.Title is { } title)
            changes.Add($"set the title to “{title}”");
        if (request.Kind is { } kind)
            changes.Add($"set the kind to {kind.ToString().ToLowerInvariant()}");
        return string.Join(", ", changes);
    }

    /// <summary>What the machine had before the editor's changes, in words: its title, date and kind.</summary>
    public static string MachineOriginal(EditorialNote note) =>
        $"“{note.MachineTitle}”, {DateDisplay.Of(note.MachineDate, note.MachineEndDate)}, {note.MachineKind.ToString().ToLowerInvariant()}";

    /// <summary>A request a store can keep, or the reason it cannot (null).</summary>
    public static string? Problem(CorrectionRequest request) => request switch
    {
        { Reason: var reason } when string.IsNullOrWhiteSpace(reason) => "a correction needs a reason",
        { Editor: var editor } when string.IsNullOrWhiteSpace(editor) => "a correction needs an editor",
        { Action: CorrectionAction.Correct, Title: null, Date: null, Kind: null } => "a correction changes the date, the title or the kind",
        { Title: { } title } when string.IsNullOrWhiteSpace(title) => "a corrected title cannot be empty",
        _ => null,
    };
}
