using Almanac.TestSupport;
using System.Text.Json;

namespace Almanac.Cli.Tests;

/// <summary>Issue 2 on the real seeds: ingest the five pages, then read them back as a user would.</summary>
public sealed class SeedEndToEndTests : IClassFixture<SeedEndToEndTests.IngestedSeeds>
{
    private readonly IngestedSeeds _seeds;

    public SeedEndToEndTests(IngestedSeeds seeds) => _seeds = seeds;

    public sealed class IngestedSeeds : IDisposable
    {
        public IngestedSeeds()
        {
            Run = new CliRun();
            Ingest = Run.Run("ingest", SharedFolder.Seeds);
        }

        public CliRun Run { get; }
        public (int ExitCode, string Out, string Error) Ingest { get; }

        public void Dispose() => Run.Dispose();
    }

    [Fact]
    public void Ingest_Seeds_ReportsFiveDocumentsAndTheEventsFound()
    {
        Assert.Equal(0, _seeds.Ingest.ExitCode);
        Assert.Matches(@"^5 documents read, 0 skipped as already stored, 0 failed, [1-9]\d* events found\.", _seeds.Ingest.Out);
        Assert.Equal("", _seeds.Ingest.Error);
    }

    [Fact]
    public void Person_Khrushchev_PrintsHisFullNameTheTimelinesEventsAndTheSources()
    {
        var person = _seeds.Run.Run("person", "Khrushchev");
        Assert.Equal(0, person.ExitCode);
        Assert.StartsWith("Nikita Khrushchev\n", person.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var timeline = _seeds.Run.Run("timeline", "Khrushchev", "--json").Out;
        var events = JsonDocument.Parse(_seeds.Run.Run("person", "Khrushchev", "--json").Out).RootElement.GetProperty("events");
        Assert.Equal(JsonDocument.Parse(timeline).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()),
            events.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Contains("Sources:", person.Out);
        var nobody = _seeds.Run.Run("person", "Bonaparte");
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("no event names a person called 'Bonaparte'", nobody.Error);
    }

    [Fact]
    public void Ingest_SeedsAgain_SkipsEveryDocumentAndKeepsTheEvents()
    {
        var before = _seeds.Run.Run("day", "06-04", "--json").Out;
        var again = _seeds.Run.Run("ingest", SharedFolder.Seeds);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("0 documents read, 5 skipped as already stored", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, _seeds.Run.Run("day", "06-04", "--json").Out);
    }

    [Fact]
    public void Day_June4_ListsTheSpeechMadePublicIn1956()
    {
        var day = Json(_seeds.Run.Run("day", "06-04", "--json"));
        Assert.Equal("06-04", day.GetProperty("date").GetString());
        var madePublic = day.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("text").GetString()!.Contains("made public", StringComparison.Ordinal));
        Assert.Equal(1956, madePublic.GetProperty("year").GetInt32());
        Assert.Equal("1956-06-04", madePublic.GetProperty("date").GetString());
        Assert.Contains(madePublic.GetProperty("sources").EnumerateArray(), s => s.GetProperty("path").GetString()!.Contains("000_", StringComparison.Ordinal));
    }

    [Fact]
    public void Day_WithoutArgument_IsTheClocksDay()
    {
        var today = Json(_seeds.Run.Run("day", "--json"));
        Assert.Equal("06-04", today.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("02-25")]
    [InlineData("02-24")]
    public void Day_February24And25_ListTheSecretSpeech(string day)
    {
        var events = Json(_seeds.Run.Run("day", day, "--json")).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("year").GetInt32() == 1956
            && e.GetProperty("text").GetString()!.Contains("Khrushchev", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_SecretSpeech_ShowsTheSourcesDisagreeOnTheDate()
    {
        var speech = Json(_seeds.Run.Run("event", "secret speech", "--json"));
        Assert.Equal("1956-02-25", speech.GetProperty("date").GetString());
        Assert.True(speech.GetProperty("datesConflict").GetBoolean());
        var claims = speech.GetProperty("dates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("sources").GetArrayLength());
        Assert.Equal(2, claims["1956-02-25"]);
        Assert.Equal(1, claims["1956-02-24"]);
        Assert.Equal(1, claims["1956-02-24/1956-02-25"]);
    }

    [Fact]
    public void Event_SecretSpeech_InShortIsAtMostThreeSentencesEachCitingASeed()
    {
        var speech = Json(_seeds.Run.Run("event", "secret speech", "--json"));
        var inShort = speech.GetProperty("inShort").EnumerateArray().ToList();
        Assert.InRange(inShort.Count, 1, 3);
        var seedFiles = Directory.GetFiles(SharedFolder.Seeds).Select(Path.GetFileName).ToHashSet();
        foreach (var sentence in inShort)
        {
            Assert.True(sentence.GetProperty("text").GetString()!.Length > 30);
            Assert.Contains(Path.GetFileName(sentence.GetProperty("source").GetProperty("path").GetString()), seedFiles);
        }
        Assert.Contains(inShort, s => s.GetProperty("text").GetString()!.Contains("Stalin", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_TextOutput_NamesConflictingDatesAndSources()
    {
        var (exitCode, output, _) = _seeds.Run.Run("event", "secret speech");
        Assert.Equal(0, exitCode);
        Assert.Contains("disagree", output, StringComparison.Ordinal);
        Assert.Contains("24 February 1956", output, StringComparison.Ordinal);
        Assert.Contains("In short:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Popular Posts")]
    [InlineData("Subscribe")]
    [InlineData("Leave a Reply")]
    [InlineData("Copyright")]
    [InlineData("©")]
    [InlineData("Nazdrovia")]
    public void Search_BoilerplateWords_ProduceNoEvents(string boilerplate)
    {
        var found = Json(_seeds.Run.Run("search", boilerplate, "--json")).GetProperty("events").EnumerateArray();
        Assert.DoesNotContain(found, e => e.GetProperty("text").GetString()!.Contains(boilerplate, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_Hungary_FindsEventsAndDocuments()
    {
        var found = Json(_seeds.Run.Run("search", "Hungary", "--json"));
        Assert.NotEmpty(found.GetProperty("events").EnumerateArray());
        Assert.NotEmpty(found.GetProperty("documents").EnumerateArray());
    }

    private static JsonElement Json((int ExitCode, string Out, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }
}
