using Almanac.Ingest;

namespace Almanac.Cli;

/// <summary>The sanity gate's findings as a person reads them after a command that changed the store.</summary>
public static class SanityOutput
{
    public static void Write(SanityReport sanity, string command, CliEnvironment environment)
    {
        environment.Out.WriteLine($"Sanity: {366 - sanity.EmptyDays} of 366 days have events.");
        foreach (var id in sanity.EventsWithoutSource)
            environment.Error.WriteLine($"almanac {command}: sanity: event {id} cites no stored document");
        foreach (var date in sanity.DatesFailingRoundTrip)
            environment.Error.WriteLine($"almanac {command}: sanity: date {date} does not round-trip");
        if (sanity.FailedDocuments.Count > 0)
            environment.Error.WriteLine(
                $"almanac {command}: sanity: {sanity.FailedDocuments.Count} stored document(s) failed analysis and are left out of events; `almanac sources` lists them, `almanac reindex` retries them");
    }
}
