namespace Almanac.Core;

public enum MentionKind
{
    Event,
    Birth,
    Death,
    Holiday,
}

/// <summary>
/// One document's statement that something happened at a date: the sentence that says it, the date
/// as normalized (start, and end for a range), and who and where it names.
/// </summary>
public sealed record EventMention(
    string DocumentId,
    MentionKind Kind,
    HistoricalDate Date,
    HistoricalDate? EndDate,
    string DateText,
    string Sentence,
    int SentenceStart,
    int SentenceEnd,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Keywords)
{
    /// <summary>The part of the sentence the date belongs to; the whole sentence when it has one date.</summary>
    public string Clause { get; init; } = Sentence;

    /// <summary>True when the date stands in a heading or a dateline, so the mention names a topic of its document.</summary>
    public bool IsTopic { get; init; }

    /// <summary>True when the mention is one dated entry of a day page: two entries of one page are two events, whatever they share.</summary>
    public bool IsDayPageEntry { get; init; }

    /// <summary>The picture the document shows by the passage the mention comes from, if any.</summary>
    public Picture? Picture { get; init; }

    /// <summary>The TIMEX3-style value of the stated date: "1956-02-25", or "1956-02-24/1956-02-25" for a range.</summary>
    public string DateValue => EndDate is { } end ? $"{Date.ToTimex()}/{end.ToTimex()}" : Date.ToTimex();
}
