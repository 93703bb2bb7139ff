using Almanac.Core;

namespace Almanac.Temporal;

/// <summary>One paragraph of a streamed text: where it starts in the whole text (in UTF-16 code units), its text and its tags.</summary>
public sealed record TaggedParagraph(long Offset, string Text, IReadOnlyList<Timex> Timexes);
