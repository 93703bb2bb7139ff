using Almanac.Core;
using Almanac.Storage.Sqlite;

namespace Almanac.Cli.Tests;

/// <summary>A document a stage fails on, as a person meets it at the command line: named, listed, retried.</summary>
public sealed class FailedDocumentTests
{
    [Fact]
    public void IngestSourcesReindex_StoredDocumentThatBreaksResolution_IsNamedListedAndRetried()
    {
        using var cli = new CliRun();
        const string text = "On 20 July 1969 Apollo 11 landed on the Moon.";
        using (var store = SqliteAlmanacStore.Open(cli.DatabasePath))
        {
            // A mention as a faulty earlier version might have stored it: a field it promised would never be null.
            var corrupt = new EventMention("corrupt", MentionKind.Event, HistoricalDate.OnDay(1969, 7, 20), null, "20 July 1969", text, 0, text.Length,
                [], [], ["apollo", "moon"]) { Clause = null! };
            store.AddDocument(new SourceDocument("corrupt", "/gone/apollo.txt", "Apollo", text, text.Length), [corrupt]);
        }
        var ordinary = Path.Combine(cli.Folder, "wall.txt");
        File.WriteAllText(ordinary, "On 9 November 1989 the Berlin Wall fell.");

        var ingest = cli.Run("ingest", ordinary);
        var sources = cli.Run("sources");
        var reindex = cli.Run("reindex");
        var day = cli.Run("day", "07-20");

        Assert.Equal(2, ingest.ExitCode);
        Assert.Matches(@"/gone/apollo\.txt: resolution: [a-z ]+ failed \(NullReferenceException", ingest.Error);
        Assert.Contains("almanac reindex", ingest.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("1 failed analysis", sources.Out, StringComparison.Ordinal);
        Assert.Contains("FAILED ANALYSIS", sources.Out, StringComparison.Ordinal);
        Assert.Equal(0, reindex.ExitCode);
        Assert.StartsWith("1 failed documents retried, 1 now analysed, 2 documents resolved again, 0 still failing.", reindex.Out, StringComparison.Ordinal);
        Assert.Contains("Apollo 11", day.Out, StringComparison.Ordinal);
    }
}
