using Almanac.Core;
using Almanac.Ingest;
using Almanac.Storage.Sqlite;

namespace Almanac.Events.Tests;

public sealed class CalendarImportTests : IDisposable
{
    private const string History = """
        /*
         * History, hand-made
         */
        #ifndef _calendar_test_
        #define _calendar_test_
        #include <calendar.other>

        LANG=C
        06/06	Normandy landing, 1944
        02/24	Khrushchev denounces Stalin before the 20th Congress
        	in a secret speech, 1956
        Jul 14	Storming of the Bastille, 1789
        05/SunSecond	Mother's Day
        01/01	New Year's Day
        04/11	Apollo 13 launched toward the Moon, Apollo 13
        02/30	A day that never was, 1900
        #endif
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-calendar-").FullName;

    private string Calendars => Directory.CreateDirectory(Path.Combine(_folder, "calendars")).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Parse_HandMadeFile_JoinsContinuationsAndSkipsCommentsAndDirectives()
    {
        var (entries, includes) = CalendarFiles.Parse(History);
        Assert.Equal(["calendar.other"], includes);
        Assert.Equal(7, entries.Count);
        Assert.Equal("Khrushchev denounces Stalin before the 20th Congress in a secret speech, 1956", entries[1].Text);
    }

    [Fact]
    public void Read_HandMadeFile_DatesLinesWithAYearAndSaysWhyTheOthersAreNot()
    {
        var readings = CalendarFiles.Parse(History).Entries.Select(CalendarFiles.Read).ToList();
        Assert.Equal(["1944-06-06", "1956-02-24", "1789-07-14"], readings.Where(r => r.Date is not null).Select(r => r.Date!.Value.ToTimex()));
        Assert.StartsWith("moving date", readings[3].Undated);
        Assert.Equal("no year at the end of the entry", readings[4].Undated);
        Assert.Equal("no year at the end of the entry", readings[5].Undated);
        Assert.StartsWith("no such day", readings[6].Undated);
    }

    [Fact]
    public void Import_WithSeeds_CalendarLineMergesWithTheSpeechAndItsDateConflictShows()
    {
        File.WriteAllText(Path.Combine(Calendars, "calendar.test"), History);
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        new Ingestor(store).Ingest(DocumentFiles.Find([SeedPipeline.Folder]));
        var report = new CalendarImport(store).Import(Calendars);
        Assert.Equal((1, 7, 3, 4), (report.Files, report.Entries, report.Dated, report.UndatedCount));

        var speech = store.SearchEvents("secret speech", 5).Single(e => e.DateClaims.Any(c => c.Value == "1956-02-25"));
        var calendarClaim = speech.DateClaims.Single(c => c.Value == "1956-02-24");
        Assert.Equal(2, calendarClaim.DocumentIds.Count);
        var normandy = Assert.Single(store.GetEventsOnDay(6, 6), e => e.ListedDate.Year == 1944).Event;
        Assert.Equal("Normandy landing", normandy.Title);
        Assert.Equal("Normandy landing, 1944", Assert.Single(normandy.Summary).Text);

        var again = new CalendarImport(store).Import(Calendars);
        Assert.Equal((0, 1), (again.Files, again.SkippedFiles));
    }

    [Fact]
    public void StockIfEmpty_EmptyStore_ImportsTheCalendarOnceAndLeavesAFullStoreAlone()
    {
        File.WriteAllText(Path.Combine(Calendars, "calendar.history"), History);
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        Assert.Equal(3, DefaultAlmanac.StockIfEmpty(store, Calendars)!.Dated);
        Assert.Null(DefaultAlmanac.StockIfEmpty(store, Calendars));
        using var other = SqliteAlmanacStore.Open(Path.Combine(_folder, "other.db"));
        Assert.Null(DefaultAlmanac.StockIfEmpty(other, Path.Combine(_folder, "missing")));
    }

    [Fact]
    public void StockIfEmpty_DevelopersBirthdaysAndFiction_AreLeftOut()
    {
        File.WriteAllText(Path.Combine(Calendars, "calendar.history"), History);
        File.WriteAllText(Path.Combine(Calendars, "calendar.freebsd"), "06/04\tJane Doe <jane@example.org> born in Springfield, 1987\n");
        File.WriteAllText(Path.Combine(Calendars, "calendar.lotr"), "01/05\tFellowship enters Moria, 1419\n");
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        var report = DefaultAlmanac.StockIfEmpty(store, Calendars)!;
        Assert.Equal(1, report.Files);
        Assert.Equal(["calendar.history"], store.GetDocuments().Select(d => d.Title));
    }

    [Fact]
    public void Import_HolidayCalendar_YearlessLinesAreHolidaysOfTheirDayAndMovingOnesKeepTheirRule()
    {
        File.WriteAllText(Path.Combine(Calendars, "calendar.feasts"), """
            12/25	Christmas
            Easter-2	Good Friday (2 days before Easter)
            05/MonLast	Memorial Day in USA (Last Monday of May)
            03/20*	Vernal Equinox
            07/04	Independence Day, 1776
            """);
        File.WriteAllText(Path.Combine(Calendars, "calendar.history"), History);
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        var report = new CalendarImport(store).Import(Calendars);
        Assert.Equal(3, report.Holidays);
        Assert.Equal(report.Entries, report.Dated + report.Holidays + report.UndatedCount);
        Assert.Equal(["Christmas"], store.GetObservancesOnDay(12, 25).Select(o => o.Name));
        Assert.Equal([("Easter-2", "Good Friday (2 days before Easter)"), ("05/MonLast", "Memorial Day in USA (Last Monday of May)")],
            store.GetMovingObservances().Select(o => (o.Rule, o.Name)));
        // The equinox moves by a rule the file does not give; the dated line is an event; a history file's yearless lines are no holidays.
        Assert.Empty(store.GetObservancesOnDay(3, 20));
        Assert.Contains(store.GetEventsOnDay(7, 4), e => e.Event.Text.Contains("Independence Day", StringComparison.Ordinal));
        Assert.Empty(store.GetObservancesOnDay(1, 1));
    }

    /// <summary>The files of Debian's `calendar` package: .ci/calendar.sh installs them, so CI sets ALMANAC_REQUIRE_CALENDAR=1.</summary>
    [Fact]
    public void Import_RealCalendarFiles_EveryEntryIsDatedOrHasAReason()
    {
        if (!Directory.Exists(CalendarImport.DefaultFolder))
        {
            Assert.True(Environment.GetEnvironmentVariable("ALMANAC_REQUIRE_CALENDAR") != "1", $"{CalendarImport.DefaultFolder} is required in CI");
            return;
        }
        using var store = SqliteAlmanacStore.Open(Path.Combine(_folder, "almanac.db"));
        var report = new CalendarImport(store).Import(CalendarImport.DefaultFolder);
        Assert.True(report.Dated > 1000, $"only {report.Dated} dated entries");
        Assert.Equal(report.Entries, report.Dated + report.Holidays + report.UndatedCount);
        Assert.Contains(store.GetEventsOnDay(6, 6), e => e.Event.Title.Contains("Normandy landing", StringComparison.Ordinal));
        // The holidays the issue found missing: Christmas and the Fourth of July, and Easter's feasts by their rule.
        Assert.Contains(store.GetObservancesOnDay(12, 25), o => o.Name == "Christmas");
        Assert.Contains(store.GetObservancesOnDay(7, 4), o => o.Name == "US Independence Day");
        Assert.Contains(store.GetMovingObservances(), o => o.Rule == "Easter-2" && o.Name.StartsWith("Good Friday", StringComparison.Ordinal));
        Assert.True(report.Holidays > 1000, $"only {report.Holidays} holidays");
    }
}
