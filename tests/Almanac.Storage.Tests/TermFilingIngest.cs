using Almanac.Ingest;
using Almanac.TestSupport;

namespace Almanac.Storage.Tests;

/// <summary>What the migration tests of the index of events by term compare against: a store as an ingest files it.</summary>
internal static class TermFilingIngest
{
    /// <summary>
    /// Day pages and prose ingested in small batches: most events' terms come with their resolution, the rest (events of
    /// an earlier batch a later one joins) are read back from the store.
    /// </summary>
    public static void DayPagesAndSeeds(IAlmanacStore store) =>
        new Ingestor(store, batchMentions: 300).Ingest(DocumentFiles.Find([Path.Combine(SharedFolder.Corpus("real-pages"), "days"), SharedFolder.Seeds]));
}
