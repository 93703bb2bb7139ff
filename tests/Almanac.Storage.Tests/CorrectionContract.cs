using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;

namespace Almanac.Storage.Tests;

/// <summary>
/// Editorial corrections are a layer over the machine's events that every read passes through, kept on the event's
/// mentions so they survive re-resolution (an ingest that joins the event, a reindex). One suite, both backends.
/// </summary>
public abstract class CorrectionContract : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-corrections-").FullName;

    protected string Folder => _folder;

    protected abstract IAlmanacStore Open();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public void AddCorrection_Hide_EventIsGoneFromItsDayItsIdAndSearch_AndUndoBringsItBack()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        ingestor.Ingest(DocumentFiles.Find([Write("hubble.txt", HubbleText)]));
        var hubble = Hubble(store);
        var before = store.GetGeneration();

        var hide = store.AddCorrection(new CorrectionRequest(hubble.Id, CorrectionAction.Hide, "a test line, not history", "ada", Monday));

        Assert.NotNull(hide);
        Assert.True(store.GetGeneration() > before);
        Assert.All(DayListing.DaysOf(hubble), d => Assert.DoesNotContain(store.GetEventsOnDay(d.Listed.Month!.Value, d.Listed.Day!.Value), e => e.Event.Id == hubble.Id));
        Assert.Null(store.GetEvent(hubble.Id));
        Assert.Empty(store.SearchEvents("Hubble Space Telescope", 10));
        Assert.Equal(hubble.Id, Assert.Single(store.GetCorrections()).AppliedTo);

        Assert.True(store.UndoCorrection(hide.Id, "grace", Monday.AddHours(1)));

        Assert.Equal(hubble.Id, Hubble(store).Id);
        Assert.Null(store.GetEvent(hubble.Id)!.Editorial);
        Assert.Equal(hubble.Id, store.SearchEvents("Hubble Space Telescope", 10).First().Id);
        var undone = Assert.Single(store.GetCorrections(hubble.Id));
        Assert.Equal(("grace", Monday.AddHours(1), (string?)null), (undone.UndoneBy, undone.UndoneAt!.Value, undone.AppliedTo));
        Assert.False(store.UndoCorrection(hide.Id, "grace", Monday.AddHours(2)));
    }

    [SkippableFact]
    public void AddCorrection_HideALaterEvent_IsGoneFromTheAftermathOfTheEventBeforeIt()
    {
        using var store = Open();
        new Ingestor(store).Ingest(DocumentFiles.Find([SharedFolder.Seeds]));
        var documents = store.GetDocuments().Select(d => d.Id).ToList();
        var earlier = store.GetEventsOfDocuments(documents).Select(store.GetEvent).OfType<HistoricalEvent>().First(e => e.Aftermath.Count > 0);
        var later = earlier.Aftermath[0];

        store.AddCorrection(new CorrectionRequest(later.Id, CorrectionAction.Hide, "not what happened", "ada", Monday));

        Assert.DoesNotContain(store.GetEvent(earlier.Id)!.Aftermath, a => a.Id == later.Id);
    }

    [SkippableFact]
    public void AddCorrection_DateTitleKind_EventShowsThemEverywhere_ListedUnderTheCorrectedDayOnly_AndKeepsTheMachinesOriginal()
    {
        using var store = Open();
        new Ingestor(store).Ingest(DocumentFiles.Find([Write("hubble.txt", HubbleText)]));
        var machine = Hubble(store);
        var corrected = HistoricalDate.OnDay(1990, 4, 25);

        store.AddCorrection(new CorrectionRequest(machine.Id, CorrectionAction.Correct, "deployed the next day", "ada", Monday,
            Title: "Discovery's crew deploys the Hubble Space Telescope", Date: corrected, Kind: MentionKind.Event));

        Assert.Empty(store.GetEventsOnDay(4, 24));
        var listed = Assert.Single(store.GetEventsOnDay(4, 25), d => d.Event.Id == machine.Id);
        Assert.Equal(corrected, listed.ListedDate);
        var shown = store.GetEvent(machine.Id)!;
        Assert.Equal(("Discovery's crew deploys the Hubble Space Telescope", "Discovery's crew deploys the Hubble Space Telescope", corrected),
            (shown.Title, shown.Text, shown.Date));
        Assert.Equal(shown.Title, listed.Event.Title);
        Assert.Equal(machine.Id, store.SearchEvents("crew deploys", 5).First().Id);
        var note = shown.Editorial!;
        Assert.Equal((machine.Title, machine.Date), (note.MachineTitle, note.MachineDate));
        Assert.Equal("deployed the next day", Assert.Single(note.Corrections).Request.Reason);
        // The sources' claims stay what the sources say.
        Assert.Equal(machine.DateClaims.Select(c => c.Value), shown.DateClaims.Select(c => c.Value));
    }

    [SkippableFact]
    public void AddCorrection_LaterCorrectionOfTheSameField_Wins_AndUndoingItRestoresTheEarlier()
    {
        using var store = Open();
        new Ingestor(store).Ingest(DocumentFiles.Find([Write("hubble.txt", HubbleText)]));
        var id = Hubble(store).Id;

        store.AddCorrection(new CorrectionRequest(id, CorrectionAction.Correct, "clearer", "ada", Monday, Title: "Hubble is launched"));
        var second = store.AddCorrection(new CorrectionRequest(id, CorrectionAction.Correct, "clearer still", "grace", Monday.AddMinutes(5), Title: "The Hubble Space Telescope is launched"))!;
        Assert.Equal("The Hubble Space Telescope is launched", store.GetEvent(id)!.Title);

        store.UndoCorrection(second.Id, "ada", Monday.AddMinutes(10));
        Assert.Equal("Hubble is launched", store.GetEvent(id)!.Title);
        Assert.Equal(2, store.GetCorrections(id).Count);
    }

    [SkippableFact]
    public void AddCorrection_NoSuchEvent_IsNull_AndARequestWithoutAReasonIsRefused()
    {
        using var store = Open();
        Assert.Null(store.AddCorrection(new CorrectionRequest("nope", CorrectionAction.Hide, "wrong", "ada", Monday)));
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest("nope", CorrectionAction.Hide, " ", "ada", Monday)));
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest("nope", CorrectionAction.Correct, "why", "ada", Monday)));
        Assert.Empty(store.GetCorrections());
    }

    [SkippableFact]
    public void Corrections_SeedEventJoinedByALaterDocumentAndReindexed_FollowTheirEvent()
    {
        using var store = Open();
        var ingestor = new Ingestor(store);
        var seeds = Directory.GetFiles(SharedFolder.Seeds).Order(StringComparer.Ordinal).ToList();
        foreach (var seed in seeds.Take(3))
            ingestor.Ingest(DocumentFiles.Find([seed]));
        var speech = Speech(store);
        store.AddCorrection(new CorrectionRequest(speech.Id, CorrectionAction.Correct, "the editor's wording", "ada", Monday,
            Title: "Khrushchev denounces Stalin in the Secret Speech"));
        ingestor.Ingest(DocumentFiles.Find([Write("hubble.txt", HubbleText)]));
        var hidden = Hubble(store);
        store.AddCorrection(new CorrectionRequest(hidden.Id, CorrectionAction.Hide, "not about this day", "ada", Monday));

        foreach (var seed in seeds.Skip(3))
            ingestor.Ingest(DocumentFiles.Find([seed]));
        AssertFollowed();
        ingestor.Reindex();
        AssertFollowed();

        void AssertFollowed()
        {
            var now = Speech(store);
            Assert.Equal("Khrushchev denounces Stalin in the Secret Speech", now.Title);
            Assert.NotEqual(now.Title, now.Editorial!.MachineTitle);
            Assert.Empty(store.SearchEvents("Hubble Space Telescope", 5));
            Assert.All(store.GetCorrections(), c => Assert.NotNull(c.AppliedTo));
        }
    }

    private static HistoricalEvent Speech(IAlmanacStore store) =>
        store.GetEventsOnDay(2, 25).Select(d => d.Event).Where(e => e.Kind == MentionKind.Event).MaxBy(e => e.SourceCount)!;

    /// <summary>The event of <see cref="HubbleText"/>: found by its words, since the tagger's reading of its date is not what these tests pin down.</summary>
    private static HistoricalEvent Hubble(IAlmanacStore store) => store.SearchEvents("Hubble Space Telescope", 1).Single();

    private const string HubbleText = "The Hubble Space Telescope was launched on 24 April 1990 aboard the Space Shuttle Discovery.";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

public sealed class SqliteCorrectionTests : CorrectionContract
{
    protected override IAlmanacStore Open() => SqliteAlmanacStore.Open(Path.Combine(Folder, "store.db"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCorrectionTests(PostgresTestDatabase database) : CorrectionContract
{
    private readonly Lazy<string> _schema = new(database.NewSchema);

    protected override IAlmanacStore Open() => PostgresAlmanacStore.Open(_schema.Value);
}
