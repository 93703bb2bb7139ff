using Almanac.Core;

namespace Almanac.Temporal;

/// <summary>What relative expressions anchor on: news text on its creation time, history on its own narrative.</summary>
public enum AnchorMode
{
    News,
    Narrative,
}

/// <summary>The document-level facts the tagger may use: its creation date (TimeML's DCT) and how it anchors.</summary>
public sealed record TaggingContext(HistoricalDate? DocumentDate = null, AnchorMode Mode = AnchorMode.Narrative)
{
    /// <summary>The document's analysis budget, checked as the tagger walks the text.</summary>
    public AnalysisBudget Budget { get; init; } = AnalysisBudget.Unlimited;
}
