using Almanac.Ingest;

namespace Almanac.Cli;

/// <summary>The sanity gate's findings as a person reads them after a command that changed the store.</summary>
public static class SanityOutput
{
    /// <summary>Enough to see what kind of date was missed without burying the rest of the report.</summary>
    private const int MaxUnplacedShown = 10;

    public static void Write(SanityReport sanity, string command, CliEnvironment environment)
    {
        environment.Out.WriteLine($"Sanity: {366 - sanity.EmptyDays} of 366 days have events.");
        foreach (var id in sanity.EventsWithoutSource)
            environment.Error.WriteLine($"almanac {command}: sanity: event {id} cites no stored document");
        foreach (var date in sanity.DatesFailingRoundTrip)
            environment.Error.WriteLine($"almanac {command}: sanity: date {date} does not round-trip");
        foreach (var sentence in sanity.UnplacedSentences.Take(MaxUnplacedShown))
            environment.Error.WriteLine($"almanac {command}: sanity: {sentence.Path}: a day with no event: {sentence.Text.ReplaceLineEndings(" ")}");
        if (sanity.UnplacedSentences.Count > MaxUnplacedShown)
            environment.Error.WriteLine($"almanac {command}: sanity: … and {sanity.UnplacedSentences.Count - MaxUnplacedShown} more sentences that write a day gave no event");
        if (sanity.FailedDocuments.Count > 0)
            environment.Error.WriteLine(
                $"almanac {command}: sanity: {sanity.FailedDocuments.Count} stored document(s) failed analysis and are left out of events; `almanac sources` lists them, `almanac reindex` retries them");
    }
}
