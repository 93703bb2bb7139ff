using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Events.Tests;

/// <summary>The sanity gate after an ingest checks the days the ingest touched and counts all the others.</summary>
public sealed class SanityGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-sanity-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Check_AfterASecondIngest_CountsTheDaysOfEarlierIngestsAndListsTheDaysItTouched()
    {
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        var ingestor = new Ingestor(store);
        ingestor.Ingest(DocumentFiles.Find([Write("speech.txt", "On 4 June 1956 the speech was published in full by The New York Times.")]));

        var second = ingestor.Ingest(DocumentFiles.Find([Write("wall.txt", "On 9 November 1989 the Berlin Wall fell after weeks of protest.")]));
        var sanity = SanityGate.Check(store, second);

        Assert.Equal(364, sanity.EmptyDays);
        Assert.Equal([new NodaTime.AnnualDate(11, 9)], second.Days);
        Assert.False(sanity.HasProblems);
        Assert.Equal(sanity.EmptyDays, SanityGate.Check(store).EmptyDays);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
