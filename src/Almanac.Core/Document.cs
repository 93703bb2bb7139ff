namespace Almanac.Core;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
}

/// <summary>A unit of content a reader kept after removing boilerplate.</summary>
public sealed record TextBlock(BlockKind Kind, string Text)
{
    /// <summary>The pictures that stand in or beside this block, in page order (see <see cref="Picture"/>).</summary>
    public IReadOnlyList<Picture> Pictures { get; init; } = [];
}

/// <summary>What a reader makes of one input file: its title and its content blocks, boilerplate removed.</summary>
public sealed record ReadDocument(string Path, string Title, IReadOnlyList<TextBlock> Blocks)
{
    /// <summary>The day page the document is, when the structure stage recognised one: its day and its dated entries.</summary>
    public DayPage? DayPage { get; init; }

    /// <summary>The content as one text: blocks separated by blank lines. Offsets in later stages point into it.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));
}

/// <summary>A sentence of a document, with its offsets in <see cref="ReadDocument.Text"/> and its block.</summary>
public sealed record Sentence(int Start, int End, string Text, int BlockIndex, BlockKind BlockKind);

/// <summary>A document as stored: identified by the SHA-256 of its raw bytes.</summary>
public sealed record SourceDocument(string Id, string Path, string Title, string Text, long ByteLength)
{
    /// <summary>The holidays it lists without a year, stored with it; read back by day (<c>GetObservancesOnDay</c>), not with the document.</summary>
    public IReadOnlyList<Observance> Observances { get; init; } = [];

    /// <summary>The image files it shows, copied into the store with it; not read back with the document (<c>GetImage</c>).</summary>
    public IReadOnlyList<ImageFile> ImageFiles { get; init; } = [];
    /// <summary>The holidays it gives by a rule (<see cref="HolidayRule"/>: Easter-2, 05/MonLast), stored with it and read back all at once.</summary>
    public IReadOnlyList<MovingObservance> MovingObservances { get; init; } = [];

    /// <summary>
    /// Its copy-detection fingerprints when the analysis computed them (the copy detector's), filed with it in the same
    /// transaction; not read back with the document. Empty: resolution files them when it first meets the document.
    /// </summary>
    public IReadOnlyList<long> Fingerprints { get; init; } = [];
}
