namespace Almanac.Core;

/// <summary>A passage two documents share word for word (at least one 8-word shingle long), as it reads in the first.</summary>
public sealed record SharedPassage(string DocumentId, string OtherDocumentId, string Text, int Words);

/// <summary>
/// Documents that copy from one another (or from a common text): one independent source as far as
/// corroboration goes. A document that shares nothing long with any other is a lineage of its own.
/// </summary>
public sealed record Lineage(string Id, IReadOnlyList<string> DocumentIds, IReadOnlyList<SharedPassage> Passages);
