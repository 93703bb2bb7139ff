using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Events.Tests;

/// <summary>The sanity gate's report of sentences that write a day but gave no event.</summary>
public sealed class UnplacedDaysTests
{
    [Fact]
    public void SanityGate_DayWithoutAYearToPlaceIt_IsReported()
    {
        var (summary, sanity) = Ingest("The fleet of Admiral Orsk sailed from the northern harbour on June 4th, and the town rang its bells.");

        var sentence = Assert.Single(sanity.UnplacedSentences);
        Assert.Contains("June 4th", sentence.Text, StringComparison.Ordinal);
        Assert.Equal(summary.UnplacedSentences, sanity.UnplacedSentences);
    }

    [Theory]
    [InlineData("The fleet of Admiral Orsk sailed from the northern harbour on 4 June 1702.")]
    [InlineData("By Jane Corrow, updated March 3, 2021")]
    public void SanityGate_DayThatGaveAnEventOrIsNoHappening_IsNotReported(string text)
    {
        var (_, sanity) = Ingest(text);

        Assert.Empty(sanity.UnplacedSentences);
    }

    private static (IngestSummary, SanityReport) Ingest(string text)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-unplaced-").FullName;
        try
        {
            var path = Path.Combine(folder, "page.txt");
            File.WriteAllText(path, text);
            using var store = SqliteAlmanacStore.Open(Path.Combine(folder, "almanac.db"));
            var summary = new Ingestor(store).Ingest(DocumentFiles.Find([path]));
            return (summary, SanityGate.Check(store, summary));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
