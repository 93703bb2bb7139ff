namespace Almanac.Core;

/// <summary>One date a set of sources gives for an event, with the documents and independent lineages behind it.</summary>
/// <remarks><see cref="DocumentIds"/> may be the first of many; <see cref="DocumentCount"/> counts them all.</remarks>
public sealed record DateClaim(HistoricalDate Date, HistoricalDate? EndDate, IReadOnlyList<string> DocumentIds, int Lineages)
{
    private readonly int? _documentCount;

    public string Value => EndDate is { } end ? $"{Date.ToTimex()}/{end.ToTimex()}" : Date.ToTimex();

    /// <summary>How many documents give this date, all of them, though only some are kept to cite.</summary>
    public int DocumentCount { get => _documentCount ?? DocumentIds.Count; init => _documentCount = value; }
}

/// <summary>A sentence taken from a source, cited.</summary>
public sealed record CitedSentence(string Text, string DocumentId);

/// <summary>Another event this one links to: its id, title and date value.</summary>
public sealed record EventLink(string Id, string Title, string DateValue);

/// <summary>A book a source recommends or cites, with its author as the source names them.</summary>
public sealed record Reading(string Title, string Author, string DocumentId);

/// <summary>
/// An event as resolved across sources: its best-supported date, every date the sources give
/// (a conflict is kept, never hidden), what it was, who took part and which sources say so.
/// </summary>
public sealed record HistoricalEvent(
    string Id,
    MentionKind Kind,
    string Title,
    string Text,
    HistoricalDate Date,
    HistoricalDate? EndDate,
    IReadOnlyList<DateClaim> DateClaims,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Places,
    IReadOnlyList<CitedSentence> Summary,
    double Significance,
    IReadOnlyList<EventMention> Mentions)
{
    public string DateValue => EndDate is { } end ? $"{Date.ToTimex()}/{end.ToTimex()}" : Date.ToTimex();

    private readonly int? _mentionCount;
    private readonly int? _sourceCount;

    /// <summary>The documents of the mentions kept to show (the best of them when there are many; <see cref="SourceCount"/> counts all).</summary>
    public IReadOnlyList<string> DocumentIds => Mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How many mentions the sources make of the event, though only the best are kept in <see cref="Mentions"/>.</summary>
    public int MentionCount { get => _mentionCount ?? Mentions.Count; init => _mentionCount = value; }

    /// <summary>How many documents mention the event, though only the best are kept to cite.</summary>
    public int SourceCount { get => _sourceCount ?? DocumentIds.Count; init => _sourceCount = value; }

    /// <summary>Sentences saying why the event mattered, each cited.</summary>
    public IReadOnlyList<CitedSentence> Why { get; init; } = [];

    /// <summary>Sentences saying what the event consisted of, each cited.</summary>
    public IReadOnlyList<CitedSentence> Content { get; init; } = [];

    /// <summary>Later events whose sources refer back to this one.</summary>
    public IReadOnlyList<EventLink> Aftermath { get; init; } = [];

    /// <summary>Books the sources name, with their authors.</summary>
    public IReadOnlyList<Reading> RelatedReading { get; init; } = [];

    /// <summary>A picture a source shows by the passage that dates the event, if any.</summary>
    public Picture? Picture { get; init; }

    /// <summary>What an editor corrected on this event (null: shown as the machine resolved it); see <see cref="EditorialLayer"/>.</summary>
    public EditorialNote? Editorial { get; init; }

    /// <summary>True when the sources give more than one date for this event.</summary>
    public bool HasDateConflict => DateClaims.Count > 1;
}
