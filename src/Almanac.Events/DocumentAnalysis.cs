using Almanac.Core;

namespace Almanac.Events;

/// <summary>What the earlier stages made of one document: its blocks, sentences and temporal expressions.</summary>
public sealed record DocumentAnalysis(string DocumentId, ReadDocument Document, IReadOnlyList<Sentence> Sentences, IReadOnlyList<Timex> Timexes)
{
    /// <summary>The document's analysis budget, checked as mentions are extracted.</summary>
    public AnalysisBudget Budget { get; init; } = AnalysisBudget.Unlimited;
}
