using Almanac.Core;

namespace Almanac.Storage.Tests;

/// <summary>
/// What every store must do, whatever the engine: each backend's test class derives from this one and says
/// how to open (and reopen) a fresh, empty store.
/// </summary>
public abstract class AlmanacStoreContract
{
    /// <summary>Opens the test's store; a second call reopens the same one.</summary>
    protected abstract IAlmanacStore Open();

    [SkippableFact]
    public void AddDocument_SameDocumentTwice_StoresItOnce()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        Assert.True(store.AddDocument(document, mentions));
        Assert.False(store.AddDocument(document, mentions));
        Assert.Equal(new StoreCounts(1, 1, 0), store.GetCounts());
        Assert.True(store.ContainsDocument("doc-a"));
    }

    [SkippableFact]
    public void AddDocuments_SomeNewSomeStoredSomeTwice_StoresEachOnceWholeAsOneAtATimeWould()
    {
        using var store = Open();
        var (stored, storedMentions) = Speech("doc-a");
        store.AddDocument(stored, storedMentions);
        var (b, bMentions) = Speech("doc-b");
        var (c, cMentions) = Speech("doc-c");
        var filed = b with { Fingerprints = [11, 12, 13] };
        var added = store.AddDocuments([new(stored, storedMentions), new(filed, bMentions), new(c, [], "analysis failed (Boom: bang)"), new(filed, bMentions)]);
        Assert.Equal([false, true, true, false], added);
        Assert.Equal(new StoreCounts(3, 2, 0), store.GetCounts());
        // Keyword counts hold the stored documents' mentions once each, and none of the failed one's.
        var frequencies = store.GetKeywordFrequencies(["speech", "secret"]);
        Assert.Equal(2, frequencies.Mentions);
        Assert.Equal(2, frequencies.ByKeyword["speech"]);
        Assert.Equal([(11L, "doc-b"), (12L, "doc-b"), (13L, "doc-b")], store.FindFingerprintHolders([11, 12, 13]).Order());
        Assert.Equal("doc-c", Assert.Single(store.GetFailedDocuments()).Id);
        Assert.Empty(store.AddDocuments([]));
    }

    [SkippableFact]
    public void GetMentionIds_MentionsStoredOutOfSentenceOrder_NumbersThemInTheOrderGivenAsTheirRowsAre_AndLeavesOutAFailedDocument()
    {
        using var store = Open();
        var (a, aMentions) = Speech("doc-a");
        var (b, bMentions) = Speech("doc-b");
        // A heading's mention is given before the sentences above it on the page: the order given is not the order read.
        IReadOnlyList<EventMention> given = [aMentions[0] with { SentenceStart = 90, DateText = "third" }, aMentions[0] with { SentenceStart = 10, DateText = "first" },
            aMentions[0] with { SentenceStart = 50, DateText = "second" }];
        store.AddDocuments([new(a, given), new(b, bMentions), new(Speech("doc-c").Item1, [], "analysis failed (Boom: bang)")]);

        var ids = store.GetMentionIds(["doc-a", "doc-b", "doc-c"]);

        Assert.Equal(["doc-a", "doc-b"], ids.Keys.Order(StringComparer.Ordinal));
        var rows = store.GetMentionsOfDocuments(["doc-a"]).ToDictionary(m => m.Id, m => m.Mention.DateText);
        Assert.Equal(["third", "first", "second"], ids["doc-a"].Select(id => rows[id]));
        Assert.Equal(store.GetMentionsOfDocuments(["doc-b"]).Select(m => m.Id), ids["doc-b"]);
    }

    [SkippableFact]
    public void GetGeneration_EveryWrite_GrowsAndARepeatedDocumentDoesNot()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        var empty = store.GetGeneration();
        store.AddDocument(document, mentions);
        var stored = store.GetGeneration();
        Assert.True(stored > empty);
        store.AddDocument(document, mentions);
        Assert.Equal(stored, store.GetGeneration());
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25))]);
        using var reopened = Open();
        Assert.True(reopened.GetGeneration() > stored);
    }

    [SkippableFact]
    public void AddDocument_Reopened_MentionsRoundTripExactly()
    {
        var (document, mentions) = Speech("doc-a");
        using (var store = Open())
            store.AddDocument(document, mentions);
        using var reopened = Open();
        var stored = Assert.Single(reopened.GetMentions()).Mention;
        Assert.Equal(mentions[0].Date, stored.Date);
        Assert.Equal(mentions[0].EndDate, stored.EndDate);
        Assert.Equal(mentions[0].People, stored.People);
        Assert.Equal(mentions[0].Clause, stored.Clause);
        Assert.Equal(document, reopened.GetDocument("doc-a"));
    }

    [SkippableFact]
    public void GetObservancesOnDay_HolidaysStoredWithTheirDocument_AreListedOnTheirDayOnly_AndNotForAFailedDocument()
    {
        var mayDay = new NodaTime.AnnualDate(5, 1);
        var page = new SourceDocument("page", "/pages/05-01.txt", "May 1", "Holidays and observances\nWorkers' Day\nLei Day", 48)
        {
            Observances = [new Observance("page", mayDay, "Workers' Day"), new Observance("page", mayDay, "Lei Day")],
        };
        var failed = new SourceDocument("failed", "/pages/broken.txt", "May 1", "Holidays\nBroken Day", 20)
        {
            Observances = [new Observance("failed", mayDay, "Broken Day")],
        };
        using (var store = Open())
        {
            Assert.True(store.AddDocument(page, []));
            Assert.True(store.AddDocument(failed, [], "analysis failed"));
        }
        using var reopened = Open();
        Assert.Equal(page.Observances, reopened.GetObservancesOnDay(5, 1));
        Assert.Empty(reopened.GetObservancesOnDay(5, 2));
    }

    [SkippableFact]
    public void GetImage_ImageFilesStoredWithTheirDocument_RoundTripByteForByte_AndAreStoredOnceWhenShared()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var image = new ImageFile(new string('a', 64), "image/png", 120, 80, bytes);
        using (var store = Open())
        {
            Assert.True(store.AddDocument(new SourceDocument("doc-a", "/a.html", "A", "text", 4) { ImageFiles = [image] }, []));
            // A second page showing the same picture stores it under the same id without complaint.
            Assert.True(store.AddDocument(new SourceDocument("doc-b", "/b.html", "B", "text", 4) { ImageFiles = [image] }, []));
        }
        using var reopened = Open();
        var read = reopened.GetImage(image.Id);
        Assert.NotNull(read);
        Assert.Equal((image.Id, image.ContentType, image.Width, image.Height), (read.Id, read.ContentType, read.Width, read.Height));
        Assert.Equal(bytes, read.Bytes);
        Assert.Null(reopened.GetImage(new string('b', 64)));
    }

    [SkippableFact]
    public void GetMovingObservances_RulesStoredWithTheirDocument_AreReadBackInOrder_AndNotForAFailedDocument()
    {
        var calendar = new SourceDocument("cal", "/usr/share/calendar/calendar.christian", "calendar.christian", "Easter-2\tGood Friday", 22)
        {
            MovingObservances = [new MovingObservance("cal", "Easter-2", "Good Friday"), new MovingObservance("cal", "05/MonLast", "Memorial Day")],
        };
        var failed = new SourceDocument("failed", "/broken", "broken", "Easter\tBroken", 14) { MovingObservances = [new MovingObservance("failed", "Easter", "Broken")] };
        using (var store = Open())
        {
            store.AddDocument(calendar, []);
            store.AddDocument(failed, [], "analysis failed");
        }
        using var reopened = Open();
        Assert.Equal(calendar.MovingObservances, reopened.GetMovingObservances());
    }

    [SkippableFact]
    public void Browsing_MonthYearsAndDocument_AreReadWithTheirCountsAndMostSignificantFirst()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        store.AddDocument(document, mentions);
        var speech = Event("speech", HistoricalDate.OnDay(1956, 2, 25), HistoricalDate.OnDay(1956, 2, 24)) with { Significance = 3 };
        var minor = Event("minor", HistoricalDate.OnDay(1956, 2, 25), title: "A minor thing") with { Significance = 1 };
        var october = Event("october", HistoricalDate.OnDay(1956, 10, 23), title: "Hungarian uprising");
        var old = Event("old", HistoricalDate.OnDay(1066, 10, 14), title: "Battle of Hastings");
        store.ReplaceEvents([speech, minor, october, old], [new MentionAssignment(store.GetMentions()[0].Id, "speech")]);

        var february = store.SummarizeMonth(2);
        Assert.Equal([(24, 1, "speech"), (25, 2, "speech")], february.Select(d => (d.Day, d.Events, d.Top.Event.Id)));
        Assert.Empty(store.SummarizeMonth(3));

        // Each event once, under its best-supported day: the speech is not counted again on the 24th.
        Assert.Equal(["speech", "october", "minor"], store.GetListingsInYears(1956, 1956, 10).Select(e => e.Event.Id));
        Assert.Equal(["speech"], store.GetListingsInYears(1956, 1956, 1).Select(e => e.Event.Id));
        Assert.Equal([new YearCount(1066, 1), new YearCount(1956, 3)], store.CountListingsByYear(1001, 2000));
        Assert.Equal(["old"], store.GetListingsInYears(1001, 1100, 10).Select(e => e.Event.Id));

        // In calendar order, for the anniversaries: 25 February, 14 October, 23 October.
        Assert.Equal(["speech", "minor", "old", "october"], store.GetPrimaryListings().Select(e => e.Event.Id));
        Assert.Equal(["speech"], store.GetEventsOfDocument("doc-a", 10).Select(e => e.Id));
        Assert.Empty(store.GetEventsOfDocument("nobody", 10));
    }

    [SkippableFact]
    public void GetEventsOnDay_DisputedDays_ListsEventOnEachClaimedDayMarked()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        store.AddDocument(document, mentions);
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25), HistoricalDate.OnDay(1956, 2, 24))]);

        var onTheTwentyFifth = Assert.Single(store.GetEventsOnDay(2, 25));
        Assert.True(onTheTwentyFifth.IsPrimaryDate);
        var onTheTwentyFourth = Assert.Single(store.GetEventsOnDay(2, 24));
        Assert.False(onTheTwentyFourth.IsPrimaryDate);
        Assert.Empty(store.GetEventsOnDay(2, 26));
    }

    [SkippableFact]
    public void GetListedDatesOnDay_ListedEvents_GiveTheirCitedDocumentsAndStoredDatesAsTheWholeEventsDo()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        // Two mentions of one document: it is cited once.
        IReadOnlyList<EventMention> twice = [mentions[0], mentions[0] with { SentenceStart = 200 }];
        store.AddDocument(document, twice);
        ReplaceEventsShowingTheirMentions(store,
            Event("e1", HistoricalDate.OnDay(1956, 2, 25), HistoricalDate.OnDay(1956, 2, 24)) with { Mentions = twice },
            Event("e2", HistoricalDate.OnDay(1917, 10, 25, CalendarKind.Julian)));

        foreach (var (month, day) in new[] { (2, 25), (2, 24), (11, 7), (10, 25) })
        {
            var listed = Assert.Single(store.GetListedDatesOnDay(month, day));
            var entry = Assert.Single(store.GetEventsOnDay(month, day));
            Assert.Equal(entry.Event.Id, listed.EventId);
            Assert.Equal(entry.Event.DocumentIds.Order(StringComparer.Ordinal), listed.DocumentIds.Order(StringComparer.Ordinal));
            Assert.Equal(entry.Event.DateClaims.Select(c => c.Date).Append(entry.ListedDate).Select(HistoricalDateJsonConverter.Format), listed.StoredDates);
        }
        Assert.Empty(store.GetListedDatesOnDay(2, 26));
    }

    [SkippableFact]
    public void GetEventsOnDay_MonthPrecisionEvent_IsNeverOnADay()
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.InMonth(1956, 3))]);
        for (var day = 1; day <= 31; day++)
            Assert.Empty(store.GetEventsOnDay(3, day));
    }

    [SkippableFact]
    public void GetEventsOnDay_JulianDate_ListedUnderStatedAndGregorianDay()
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1917, 10, 25, CalendarKind.Julian))]);
        Assert.Equal(CalendarKind.Julian, Assert.Single(store.GetEventsOnDay(10, 25)).ListedDate.Calendar);
        Assert.Equal(CalendarKind.Gregorian, Assert.Single(store.GetEventsOnDay(11, 7)).ListedDate.Calendar);
    }

    [SkippableFact]
    public void ReplaceEvents_SecondTime_ReplacesTheWholeSet()
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25))]);
        store.ReplaceEvents([Event("e2", HistoricalDate.OnDay(1956, 6, 4))]);
        Assert.Null(store.GetEvent("e1"));
        Assert.Empty(store.GetEventsOnDay(2, 25));
        Assert.Equal("e2", Assert.Single(store.GetEventsOnDay(6, 4)).Event.Id);
    }

    [SkippableTheory]
    [InlineData("secret speech")]
    [InlineData("SECRET")]
    [InlineData("\"secret\" OR speech*")]
    [InlineData("khrushchev's speech; DROP TABLE events; --")]
    public void SearchEvents_AnyTypedQuery_FindsByWordsAndTreatsOperatorsAsText(string query)
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25)), Event("e2", HistoricalDate.OnDay(1961, 6, 4), title: "Something else entirely")]);
        Assert.Equal("e1", store.SearchEvents(query, 5).First().Id);
        Assert.Equal(2, store.GetCounts().Events);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*** ()")]
    public void SearchEvents_NoWords_FindsNothing(string query)
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1956, 2, 25))]);
        Assert.Empty(store.SearchEvents(query, 5));
        Assert.Empty(store.SearchDocuments(query, 5));
    }

    [SkippableFact]
    public void SearchDocuments_WordInText_ReturnsDocumentWithExcerpt()
    {
        using var store = Open();
        var (document, mentions) = Speech("doc-a");
        store.AddDocument(document, mentions);
        var hit = Assert.Single(store.SearchDocuments("denunciation", 5));
        Assert.Equal("doc-a", hit.Document.Id);
        Assert.Contains("denunciation", hit.Excerpt, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void SearchEvents_NameWithANumber_RanksTheEventTitledWithThePhraseFirst()
    {
        using var store = Open();
        store.ReplaceEvents([
            Event("fire", HistoricalDate.OnDay(1967, 1, 27), title: "Fire in the cabin of Voyager 1 kills three engineers at the Voyager test stand"),
            Event("minicomputer", HistoricalDate.OnDay(1970, 1, 5), title: "The PDP-11 minicomputer goes on sale, 11 years after the first"),
            Event("landing", HistoricalDate.OnDay(1969, 7, 20), title: "Voyager 11 lands"),
            Event("mention", HistoricalDate.OnDay(1972, 12, 14), title: "The last crew leaves the Moon") with
            {
                Summary = [new CitedSentence("Five more Voyager crews followed Voyager 11 to the Moon.", "doc-a")],
            },
        ]);

        var found = store.SearchEvents("Voyager 11", 5).Select(e => e.Id).ToList();

        Assert.Equal("landing", found[0]);
        Assert.Equal("mention", found[1]);
    }

    [SkippableFact]
    public void SearchEvents_WordWithoutItsDiacritics_FindsTheEvent()
    {
        using var store = Open();
        store.ReplaceEvents([Event("e1", HistoricalDate.OnDay(1980, 8, 14), title: "Strike at the Gdańsk shipyard")]);
        Assert.Equal("e1", Assert.Single(store.SearchEvents("gdansk", 5)).Id);
    }

    [SkippableFact]
    public void GetListingsOnDay_DisputedEvent_ListsAsTheDayDoes_CitingTheDocumentsThatStateEachDayWithTheirTitles()
    {
        using var store = Open();
        var (speech, _) = Speech("doc-a");
        EventMention Said(string document, HistoricalDate date) =>
            new(document, MentionKind.Event, date, null, "", "Khrushchev’s secret speech denounced Stalin.", 0, 44, [], [], ["speech"]);
        IReadOnlyList<EventMention> said = [Said("doc-a", HistoricalDate.OnDay(1956, 2, 25)), Said("doc-b", HistoricalDate.OnDay(1956, 2, 24)),
            Said("doc-c", HistoricalDate.InMonth(1956, 6)), Said("doc-d", HistoricalDate.OnDay(1956, 2, 25))];
        store.AddDocument(speech, [said[0]]);
        store.AddDocument(new SourceDocument("doc-b", "/b.txt", "A history of the thaw", "On 24 February 1956 …", 22), [said[1]]);
        store.AddDocument(new SourceDocument("doc-c", "/c.txt", " ", "The speech was published in June 1956.", 39), [said[2]]);
        store.AddDocument(new SourceDocument("doc-d", "/d.txt", "", "Khrushchev’s secret speech denounced Stalin.", 44), [said[3]]);
        var disputed = Event("e1", HistoricalDate.OnDay(1956, 2, 25), HistoricalDate.OnDay(1956, 2, 24)) with
        {
            Mentions = said,
            Why = [new CitedSentence("It began the thaw.", "doc-b")],
        };
        var unsourced = Event("e2", HistoricalDate.OnDay(1917, 2, 25), title: "A strike in Petrograd");
        ReplaceEventsShowingTheirMentions(store, disputed, unsourced);

        foreach (var (month, day) in new[] { (2, 25), (2, 24), (6, 4) })
        {
            var full = store.GetEventsOnDay(month, day);
            var listed = store.GetListingsOnDay(month, day);
            Assert.Equal(full.Select(e => (e.Event.Id, e.ListedDate, e.IsPrimaryDate)), listed.Select(e => (e.Event.Id, e.ListedDate, e.IsPrimaryDate)));
            foreach (var (whole, listing) in full.Zip(listed))
            {
                Assert.Equal(DayListing.CitedDocuments(whole.Event.Mentions.Select(m => (m.DocumentId, m.Date, m.EndDate)), whole.ListedDate),
                    listing.Cited!.Select(s => s.Id));
                Assert.Equal((whole.Event.Title, whole.Event.Text, whole.Event.Date, whole.Event.SourceCount, whole.Event.MentionCount, whole.Event.Significance),
                    (listing.Event.Title, listing.Event.Text, listing.Event.Date, listing.Event.SourceCount, listing.Event.MentionCount, listing.Event.Significance));
                Assert.Equal(whole.Event.DateClaims.Select(c => c.Value), listing.Event.DateClaims.Select(c => c.Value));
                Assert.Empty(listing.Event.Mentions);
                Assert.Empty(listing.Event.Summary);
                Assert.Empty(listing.Event.Why);
            }
        }
        var onTheTwentyFifth = store.GetListingsOnDay(2, 25);
        Assert.Equal([new SourceRef("doc-a", "Khrushchev’s Secret Speech"), new SourceRef("doc-d", "Untitled document")],
            onTheTwentyFifth.Single(e => e.Event.Id == "e1").Cited);
        Assert.Empty(onTheTwentyFifth.Single(e => e.Event.Id == "e2").Cited!);
        Assert.Equal([new SourceRef("doc-b", "A history of the thaw")], Assert.Single(store.GetListingsOnDay(2, 24)).Cited);
    }

    [SkippableFact]
    public void GetDocumentTitles_StoredAndUnknownIds_GivesTheStoredOnesTitles()
    {
        using var store = Open();
        var (speech, mentions) = Speech("doc-a");
        store.AddDocument(speech, mentions);
        store.AddDocument(new SourceDocument("doc-b", "/b.txt", "", "Untitled text.", 14), []);
        var titles = store.GetDocumentTitles(["doc-a", "doc-b", "nobody"]);
        Assert.Equal(new Dictionary<string, string> { ["doc-a"] = "Khrushchev’s Secret Speech", ["doc-b"] = "" }, titles);
        Assert.Empty(store.GetDocumentTitles([]));
    }

    [SkippableFact]
    public void UpdateEvents_DocumentStoredAfterTheResolutionRead_WritesItsEvents()
    {
        // An ingest stores the next documents while the last ones resolve: their mentions are none of the resolution's.
        using var store = Open();
        var (update, basis) = SpeechResolution(store);
        var (other, mentions) = Speech("doc-b");
        store.AddDocument(other, mentions);

        Assert.True(store.UpdateEvents(update, basis));
        Assert.Equal(["speech"], store.GetEventsOfDocuments(["doc-a"]));
        Assert.Equal(["doc-b"], store.GetDocumentsAwaitingResolution(10));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void FindEventsSharingTerms_EventsOfTheYears_FindsThoseWithAMentionHoldingATermAsItsMentionsAreFiled(bool updatesBringTheirTerms)
    {
        using var store = Open();
        var day = HistoricalDate.OnDay(1956, 10, 23);
        var year = HistoricalDate.InYear(1956);
        var rising = Mention("doc-a", day, 0, people: ["Imre Nagy"], keywords: ["uprising"]);
        var treaty = Mention("doc-a", year, 100, places: ["Moscow"], keywords: ["treaty"]);
        var later = Mention("doc-a", HistoricalDate.InYear(1970), 200, people: ["Imre Nagy"], keywords: ["treaty"]);
        var death = Mention("doc-a", HistoricalDate.InYear(1957), 300, people: ["Pál Maléter"], kind: MentionKind.Death);
        store.AddDocument(new SourceDocument("doc-a", "/a.txt", "Hungary", "Hungary in 1956.", 16), [rising, treaty, later, death]);
        var rows = store.GetMentionsOfDocuments(["doc-a"]);
        var (risingEvent, treatyEvent, laterEvent) = (Event("rising", day), Event("treaty", year), Event("later", HistoricalDate.InYear(1970)));
        Assert.True(store.UpdateEvents(Update([], [risingEvent, treatyEvent, laterEvent, Event("death", HistoricalDate.InYear(1957))],
            (rows[0], "rising"), (rows[1], "treaty"), (rows[2], "later"), (rows[3], "death")), new ResolutionBasis(store.GetEventsGeneration(), [], [])));
        IReadOnlyList<EventKeyRange> around1956 = [new(EventKeyKind.AnyYear, 1955, 1957), new(EventKeyKind.Long, 0, 0)];

        // A person, a place or a keyword, each a term of the mentions filed under the event; none, nothing.
        Assert.Equal(["rising"], store.FindEventsSharingTerms(around1956, MentionKind.Event, ["Imre Nagy"]));
        Assert.Equal(["treaty"], store.FindEventsSharingTerms(around1956, MentionKind.Event, ["Moscow", "Budapest"]));
        Assert.Equal(["rising", "treaty"], store.FindEventsSharingTerms(around1956, MentionKind.Event, ["uprising", "treaty"]));
        Assert.Empty(store.FindEventsSharingTerms(around1956, MentionKind.Event, ["moscow", "nagy", "Vienna"]));
        Assert.Empty(store.FindEventsSharingTerms(around1956, MentionKind.Event, []));
        // Only events whose mentions are of the kind asked for: those alone can meet a mention of that kind.
        Assert.Equal(["death"], store.FindEventsSharingTerms(around1956, MentionKind.Death, ["Imre Nagy", "Moscow", "treaty", "Pál Maléter"]));
        Assert.Empty(store.FindEventsSharingTerms(around1956, MentionKind.Event, ["Pál Maléter"]));
        // Only under the event's own keys: the year-dated event is filed as coarse, the day-dated one is not.
        Assert.Equal(["treaty"], store.FindEventsSharingTerms([new(EventKeyKind.CoarseYear, 1956, 1956)], MentionKind.Event, ["treaty", "uprising"]));
        Assert.Equal(["later"], store.FindEventsSharingTerms([new(EventKeyKind.AnyYear, 1969, 1971)], MentionKind.Event, ["Imre Nagy", "treaty"]));
        Assert.Throws<ArgumentException>(() => store.FindEventsSharingTerms([new(EventKeyKind.Day, 0, 1_000_000)], MentionKind.Event, ["Imre Nagy"]));

        // A mention joining an event written back as it was brings its terms.
        var joining = Mention("doc-b", day, 0, places: ["Budapest"], keywords: ["crowd"]);
        store.AddDocument(new SourceDocument("doc-b", "/b.txt", "Budapest", "Budapest, 23 October 1956.", 26), [joining]);
        var joiningRow = Assert.Single(store.GetMentionsOfDocuments(["doc-b"]));
        Assert.True(store.UpdateEvents(Update(["rising"], [risingEvent], (rows[0], "rising"), (joiningRow, "rising")),
            new ResolutionBasis(store.GetEventsGeneration(), [], [])));
        Assert.Equal(["rising"], store.FindEventsSharingTerms(around1956, MentionKind.Event, ["Budapest"]));
        // An event written anew is filed under its new keys only.
        Assert.True(store.UpdateEvents(Update(["treaty"], [Event("treaty", HistoricalDate.InYear(1957))], (rows[1], "treaty")),
            new ResolutionBasis(store.GetEventsGeneration(), [], [])));
        Assert.Empty(store.FindEventsSharingTerms([new(EventKeyKind.CoarseYear, 1956, 1956)], MentionKind.Event, ["treaty", "Moscow"]));
        Assert.Equal(["treaty"], store.FindEventsSharingTerms([new(EventKeyKind.CoarseYear, 1957, 1957)], MentionKind.Event, ["Moscow"]));

        // Replacing every event files them all afresh: a removed event's terms go with it.
        store.ReplaceEvents([treatyEvent], [new(rows[1].Id, "treaty"), new(joiningRow.Id, "treaty")]);
        Assert.Equal(["treaty"], store.FindEventsSharingTerms(around1956, MentionKind.Event, ["Budapest", "treaty", "Imre Nagy"]));

        // The same whether the store reads an event's terms from its mentions or the resolution brings them (EventUpdate.Terms).
        EventUpdate Update(IReadOnlyList<string> removed, IReadOnlyList<HistoricalEvent> written, params (StoredMention Row, string EventId)[] filed) =>
            new(removed, written, filed.Select(f => new MentionAssignment(f.Row.Id, f.EventId)).ToList())
            {
                Terms = updatesBringTheirTerms
                    ? EventTerms.Of(filed.GroupBy(f => f.EventId).ToDictionary(g => g.Key, g => (IReadOnlyList<EventMention>)g.Select(f => f.Row.Mention).ToList()))
                    : null,
            };
    }

    [SkippableFact]
    public void EveryRead_EventShowingSomeOfItsMentions_GivesTheEventWrittenWithItsMentionsInOrder_AfterALaterResolutionChangesWhichItShows()
    {
        using var store = Open();
        var (speech, mentions) = Speech("doc-a");
        IReadOnlyList<EventMention> ofA = [mentions[0], mentions[0] with { SentenceStart = 200 }, mentions[0] with { SentenceStart = 400 }];
        var (copy, ofB) = Speech("doc-b");
        store.AddDocument(speech, ofA);
        var day = HistoricalDate.OnDay(1956, 2, 25);
        // Counts of all its mentions, of which it shows some, in the resolver's order (not the rows').
        var shown = Event("speech", day) with { Mentions = [ofA[2], ofA[0]], MentionCount = 4, SourceCount = 2 };
        var first = new EventUpdate([], [shown], Filing(store, [shown], new Dictionary<string, IReadOnlyList<EventMention>> { ["speech"] = ofA }));
        Assert.True(store.UpdateEvents(first, new ResolutionBasis(store.GetEventsGeneration(), [], [])));
        AssertEveryReadGives(store, shown);

        // A later document's mention is shown, one shown before is not, and the order changes; the payload stays as it was.
        store.AddDocument(copy, ofB);
        var reshown = shown with { Mentions = [ofB[0], ofA[1], ofA[2]] };
        var filed = new Dictionary<string, IReadOnlyList<EventMention>> { ["speech"] = [.. ofA, ofB[0]] };
        var second = new EventUpdate(["speech"], [reshown], Filing(store, [reshown], filed));
        Assert.Equal(first.Payloads, second.Payloads);
        Assert.True(store.UpdateEvents(second, new ResolutionBasis(store.GetEventsGeneration(), [], [])));
        AssertEveryReadGives(store, reshown);
        Assert.Equal(4, store.GetMentionsOfEvents(["speech"]).Count);
        Assert.Equal(["doc-a", "doc-b"], Assert.Single(store.GetListedDatesOnDay(2, 25)).DocumentIds.Order(StringComparer.Ordinal));
        Assert.Equal(["doc-b", "doc-a"], Assert.Single(store.GetListingsOnDay(2, 25)).Cited!.Select(s => s.Id));
    }

    /// <summary>Every read giving events gives <paramref name="written"/> as it was written, mentions and their order too.</summary>
    private static void AssertEveryReadGives(IAlmanacStore store, HistoricalEvent written)
    {
        var expected = System.Text.Json.JsonSerializer.Serialize(written);
        var day = written.Date;
        IEnumerable<HistoricalEvent?> read = [
            store.GetEvent(written.Id),
            Assert.Single(store.GetEventsOnDay(day.Month!.Value, day.Day!.Value)).Event,
            Assert.Single(store.SummarizeMonth(day.Month!.Value)).Top.Event,
            Assert.Single(store.GetListingsInYears(day.Year, day.Year, 10)).Event,
            Assert.Single(store.GetPrimaryListings()).Event,
            Assert.Single(store.GetEventsOfDocument(written.Mentions[0].DocumentId, 10)),
            Assert.Single(store.SearchEvents("secret speech", 10)),
        ];
        Assert.All(read, e => Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(e)));
    }

    /// <summary>Replaces every event, each filed with the stored mentions it shows, in its order, as a resolution files them.</summary>
    private static void ReplaceEventsShowingTheirMentions(IAlmanacStore store, params HistoricalEvent[] events) =>
        store.ReplaceEvents(events, Filing(store, events, events.ToDictionary(e => e.Id, e => e.Mentions)));

    /// <summary>
    /// The filing of <paramref name="events"/>: each of their mentions (<paramref name="filed"/>, by event) is the stored row of
    /// its document, sentence and date not taken by another, and the mentions each event shows are in their order.
    /// </summary>
    private static IReadOnlyList<MentionAssignment> Filing(IAlmanacStore store, IReadOnlyList<HistoricalEvent> events,
        IReadOnlyDictionary<string, IReadOnlyList<EventMention>> filed)
    {
        var rows = store.GetMentions().ToList();
        var rowOf = new Dictionary<EventMention, long>(ReferenceEqualityComparer.Instance);
        foreach (var mention in events.SelectMany(e => filed[e.Id]))
        {
            var row = rows.First(r => (r.Mention.DocumentId, r.Mention.SentenceStart, r.Mention.DateValue) == (mention.DocumentId, mention.SentenceStart, mention.DateValue));
            rows.Remove(row);
            rowOf[mention] = row.Id;
        }
        return MentionAssignment.Filing(events, filed, m => rowOf[m]);
    }

    private static EventMention Mention(string document, HistoricalDate date, int start, IReadOnlyList<string>? people = null,
        IReadOnlyList<string>? places = null, IReadOnlyList<string>? keywords = null, MentionKind kind = MentionKind.Event) =>
        new(document, kind, date, null, date.ToTimex(), "A sentence.", start, start + 11, people ?? [], places ?? [], keywords ?? []);

    /// <summary>The speech stored as "doc-a", and the update founding its event, with what that resolution read.</summary>
    internal static (EventUpdate Update, ResolutionBasis Basis) SpeechResolution(IAlmanacStore store)
    {
        var (document, mentions) = Speech("doc-a");
        store.AddDocument(document, mentions);
        var stored = Assert.Single(store.GetMentionsOfDocuments(["doc-a"]));
        var near = EventKeys.Near(stored.Mention);
        var basis = new ResolutionBasis(store.GetEventsGeneration(), near, store.FindEvents(near));
        var e = Event("speech", HistoricalDate.OnDay(1956, 2, 25));
        return (new EventUpdate([], [e], [new MentionAssignment(stored.Id, e.Id)]), basis);
    }

    internal static (SourceDocument, IReadOnlyList<EventMention>) Speech(string id)
    {
        const string text = "Khrushchev’s secret speech, (February 25, 1956), in denunciation of the deceased Soviet leader Joseph Stalin.";
        var mention = new EventMention(id, MentionKind.Event, HistoricalDate.OnDay(1956, 2, 24), HistoricalDate.OnDay(1956, 2, 25),
            "Feb. 24–25, 1956", text, 0, text.Length, ["Nikita Khrushchev", "Joseph Stalin"], [], ["secret", "speech"])
        { Clause = "Khrushchev’s secret speech", IsTopic = true };
        return (new SourceDocument(id, $"/seeds/{id}.txt", "Khrushchev’s Secret Speech", text, text.Length), [mention]);
    }

    internal static HistoricalEvent Event(string id, HistoricalDate date, HistoricalDate? alternative = null, string title = "Khrushchev’s secret speech")
    {
        var claims = new List<DateClaim> { new(date, null, ["doc-a"], 1) };
        if (alternative is { } other)
            claims.Add(new DateClaim(other, null, ["doc-b"], 1));
        return new HistoricalEvent(id, MentionKind.Event, title, title + " denounced Stalin.", date, null, claims,
            ["Nikita Khrushchev"], [], [new CitedSentence(title + " denounced Stalin.", "doc-a")], 1.5, []);
    }
}
