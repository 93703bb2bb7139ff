using Almanac.Core;
using Almanac.Ingest;
using Almanac.Ingest.Evaluation;
using Almanac.Storage.Sqlite;
using Almanac.TestSupport;

namespace Almanac.Events.Tests;

/// <summary>Headlines of events from hand-written prose, run through the real pipeline.</summary>
public sealed class HeadlineTests
{
    [Fact]
    public void Headline_SentenceOpeningOnItsDate_DropsTheDate()
    {
        var headline = HeadlineOn("The empire.txt", "On 3 May 1802, Admiral Jonas Ferrand surrendered the harbour fortress to the rebels.", 1802, 5, 3);
        Assert.Equal("Admiral Jonas Ferrand surrenders the harbour fortress to the rebels", headline);
    }

    [Fact]
    public void Headline_SentenceOnAPronoun_NamesThePersonTheNarrativeIsAbout()
    {
        var headline = HeadlineOn("A life.txt",
            "Marcus Vellan fought at the bridge on 2 June 1744 with his regiment.\n\nVellan was carried to a farmhouse after the battle.\n\nHe died on 9 June 1744 of his wounds.",
            1744, 6, 9);
        Assert.StartsWith("Marcus Vellan dies", headline, StringComparison.Ordinal);
        Assert.Empty(HeadlineChecks.Faults(headline));
    }

    [Fact]
    public void Headline_PronounForThePersonTheTitleNames_IsTheTitlesNameInThePresent()
    {
        var headline = HeadlineOn("Caesar.txt",
            "Julius Caesar\n\nCaesar had many enemies in the Senate. He was assassinated on the Ides of March, 44 BC, in the Theatre of Pompey.",
            -43, 3, 15);
        Assert.Equal("Julius Caesar is assassinated in the Theatre of Pompey", headline);
    }

    [Fact]
    public void Headline_PronounAfterASentenceOpeningOnAPossessive_IsNotThePossessor()
    {
        var headline = HeadlineOn("Talks.txt",
            "The talks dragged on for years. President Orvell's envoy met the rebel leaders in secret. On 14 October 1972, they reached an agreement.",
            1972, 10, 14);
        Assert.DoesNotContain("Orvell's reach", headline, StringComparison.Ordinal);
        Assert.DoesNotContain("Orvell’s reach", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_TheyAfterASentenceAboutOnePerson_IsNotThatPerson()
    {
        var headline = HeadlineOn("The strait.txt",
            "Admiral Corvan reached the strait with two squadrons. On 4 April 1702, they sank the enemy fleet off the cape.", 1702, 4, 4);
        Assert.DoesNotContain("Corvan", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_PronounAfterASentenceOpeningOnAConnective_IsNotTheConnective()
    {
        var headline = HeadlineOn("The fleet.txt",
            "The garrison held the town through the winter. Meanwhile the fleet sailed north. On 9 May 1702, it reached the cape.", 1702, 5, 9);
        Assert.DoesNotContain("Meanwhile", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headlines_PodcastPageOnTwoBattlesOfOneDay_AreTheBattlesNotTheEpisode()
    {
        // "On this episode we discuss … Quatre Bras (16 June) and Ligny (16 June). The Battle of Quatre Bras was fought …
        // The Battle of Ligny was fought …": two events, each headed by the sentence that tells it.
        var page = Path.Combine(SharedFolder.Corpus("real-pages"), "prose", "08_waterloo-campaign_napoleon-podcast.txt");
        var headlines = HeadlinesOn(File.ReadAllText(page), 1815, 6, 16);
        Assert.Equal(2, headlines.Count);
        Assert.All(headlines, h => Assert.StartsWith("The Battle of", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Headline_DateRestatedByTheNextDate_IsOneEventWithoutItsRelativeOpener()
    {
        var headline = HeadlineOn("The crossing.txt",
            "On 1 October 1950 the southern divisions crossed the river into the north. Six days later, on 7 October, the allied columns followed the divisions northwards.",
            1950, 10, 7);
        Assert.Equal("The allied columns follow the divisions northwards", headline);
    }

    [Theory]
    [InlineData("Although the council had forbidden it, the guild opened its hall to the public on 3 March 1802.", "The guild opens its hall to the public")]
    [InlineData("Even though the charter was meant to stay secret, the guild printed it in full on 3 March 1802.", "The guild prints it in full")]
    public void Headline_OpeningOnAConcession_IsWhatHappenedAllTheSame(string sentence, string expected) =>
        Assert.Equal(expected, HeadlineOn("The guild.txt", sentence, 1802, 3, 3));

    [Fact]
    public void Headline_ConcessionNamingWhatThePronounAfterItMeans_Stays()
    {
        var headline = HeadlineOn("The guild.txt", "Even though the charter was meant to stay secret, it was printed in full on 3 March 1802.", 1802, 3, 3);
        Assert.Contains("charter", headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The next morning, the garrison surrendered the fort to the besiegers on 9 May 1702.")]
    [InlineData("A year later, on 9 May 1702, the garrison surrendered the fort to the besiegers.")]
    public void Headline_OpeningOnATimeCountedFromTheLineBefore_DropsIt(string sentence)
    {
        var headline = HeadlineOn("The siege.txt", "The siege of the fort began in the spring of 1701. " + sentence, 1702, 5, 9);
        Assert.Equal("The garrison surrenders the fort to the besiegers", headline);
    }

    [Fact]
    public void Headline_ClauseAfterBut_TakesTheSentencesSubject()
    {
        var headline = HeadlineOn("A flight.txt", "Duke Orsan then fled north to the coast, but was captured at the harbour on 4 April 1688.", 1688, 4, 4);
        Assert.StartsWith("Duke Orsan is captured", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_NotUntilItsDate_SaysItHappenedThen()
    {
        var headline = HeadlineOn("A treaty.txt", "The treaty of Varnholm was not ratified by the assembly until 12 March 1921.", 1921, 3, 12);
        Assert.Equal("The treaty of Varnholm is ratified by the assembly", headline);
    }

    [Fact]
    public void Headline_UntilItsDate_KeepsTheDate()
    {
        var headline = HeadlineOn("A reign.txt", "Queen Ostra ruled the northern provinces until 8 August 1702.", 1702, 8, 8);
        Assert.Equal("Queen Ostra rules the northern provinces until 8 August 1702", headline);
    }

    [Fact]
    public void Headline_NotUntilOpeningTheSentence_KeepsTheDate()
    {
        var headline = HeadlineOn("A text.txt", "Not until 2 May 1989 was the report printed in full in the capital.", 1989, 5, 2);
        Assert.Equal("Not until 2 May 1989 was the report printed in full in the capital", headline);
    }

    [Fact]
    public void Headline_ClauseWithoutItsSubject_IsNotTheHeadlineAlone()
    {
        var headline = HeadlineOn("A plot.txt",
            "The famine weakened the regent against the old nobles of the council who plotted, but failed, to depose him on 6 June 1757.", 1757, 6, 6);
        Assert.StartsWith("The famine weakens the regent", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_CutAtTheWordLimit_EndsOnAWordThatCarriesMeaning()
    {
        var headline = HeadlineOn("A charter.txt",
            "On 4 May 1820 the council of the northern river towns approved the long awaited charter for the building and repair of the old bridge at the ford.",
            1820, 5, 4);
        Assert.Equal("The council of the northern river towns approves the long awaited charter for the building and repair…", headline);
    }

    [Fact]
    public void Headline_AsidesInBracketsAndDashes_AreLeftOut()
    {
        var headline = HeadlineOn("A revolt.txt",
            "On 9 March 1790 (27 February in the old calendar) a crowd of weavers – most of them young apprentices – marched on the town hall.", 1790, 3, 9);
        Assert.Equal("A crowd of weavers marches on the town hall", headline);
    }

    [Fact]
    public void Headline_LongSentence_EndsAfterTheClauseThatHoldsItsDate()
    {
        var headline = HeadlineOn("A shooting.txt",
            "Governor Elias Brandt was the first governor to be shot in office, wounded by a clerk on 5 May 1870, as he and his brother walked home from a long evening at the opera house in the old town.",
            1870, 5, 5);
        Assert.Equal("Governor Elias Brandt is the first governor to be shot in office, wounded by a clerk", headline);
    }

    [Fact]
    public void Headline_TheNextMorning_IsTheDayAfterTheNarrativesDate()
    {
        var headline = HeadlineOn("A death.txt",
            "Mayor Tobias Renn was struck by a carriage on 11 October 1891 near the market.\n\nRenn was carried to the infirmary.\n\nHe died the next morning.",
            1891, 10, 12);
        Assert.StartsWith("Mayor Tobias Renn dies", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_DateThatIsTheSubject_StaysAsTheSubject()
    {
        var headline = HeadlineOn("A calendar.txt", "Under the old statute, 12 April 1610 was declared the first day of the fiscal year.", 1610, 4, 12);
        Assert.Contains("12 April 1610 is declared", headline, StringComparison.Ordinal);
        Assert.Empty(HeadlineChecks.Faults(headline));
    }

    [Fact]
    public void Headline_LineInTheWritersVoice_GivesWayToOneAboutTheHappening()
    {
        var date = HistoricalDate.OnDay(1702, 5, 3);
        EventMention Mention(string document, string sentence) =>
            new(document, MentionKind.Event, date, null, "3 May 1702", sentence, 0, sentence.Length, [], [], []) { Clause = sentence };

        var headline = Headlines.Of(
            [Mention("a", "In this post we look at the siege of Varn and its end on 3 May 1702."), Mention("b", "The siege of Varn ended on 3 May 1702 when the garrison surrendered.")],
            new Dictionary<string, SourceDocument>(), new DateClaim(date, null, ["a", "b"], 2));

        Assert.StartsWith("The siege of Varn ends", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_WritersOwnPossessive_BecomesDefinite()
    {
        var headline = HeadlineOn("A reply.txt", "Our archive record for Admiral Hester Quayle gives her launch date as 8 May 1841 in the harbour log.", 1841, 5, 8);
        Assert.StartsWith("The archive record", headline, StringComparison.Ordinal);
        Assert.Empty(HeadlineChecks.Faults(headline));
    }

    [Fact]
    public void Headline_OnABareDayAfterAMonth_IsListedOnThatDay()
    {
        var headline = HeadlineOn("A march.txt",
            "On 2 March 1706 the column of General Anselm Roque left the river camp.\n\nOn the 6th, the scouts of Roque sighted the enemy fort.", 1706, 3, 6);
        Assert.Contains("sighted the enemy fort", headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_TwoDaysOfOneSentence_AreListedOnBoth()
    {
        const string text = "The great storm of Porthaven on Nov 3 and 4 in 1777 flattened the harbour wall.";
        Assert.Contains("storm", HeadlineOn("A storm.txt", text, 1777, 11, 3), StringComparison.Ordinal);
        Assert.Contains("storm", HeadlineOn("A storm.txt", text, 1777, 11, 4), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("By Jane Corrow, updated March 3, 2021")]
    [InlineData("Published: 14 June 2019")]
    [InlineData("Smith, J. (1987). The Long Winter. Oxford University Press, pp. 12-40.")]
    [InlineData("The harbour at dawn (Photo: City Archive, June 4, 1956)")]
    [InlineData("It should be 2/11/1732 O.S.")]
    public void Ingest_SentenceThatTellsNoHappening_GivesNoEvent(string sentence)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-nonevents-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "page.txt"), "The Harbour\n\n" + sentence + "\n\nThe harbour was built of stone and timber.");
            using var store = SqliteAlmanacStore.Open(Path.Combine(folder, "almanac.db"));
            new Ingestor(store).Ingest(DocumentFiles.Find([Path.Combine(folder, "page.txt")]));
            Assert.DoesNotContain(store.GetMentions(), m => m.Mention.Date.Precision == Precision.Day);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("", HeadlineFault.Empty)]
    [InlineData("He was assassinated on the Ides of March", HeadlineFault.DanglingStart)]
    [InlineData("Is considered the day the wall fell", HeadlineFault.DanglingStart)]
    [InlineData("Date in History", HeadlineFault.Fragment)]
    [InlineData("Calendar), which corresponds with 7th November", HeadlineFault.Fragment)]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six fell", HeadlineFault.TooLong)]
    public void Faults_BrokenHeadline_IsCaught(string headline, HeadlineFault fault) => Assert.Contains(fault, HeadlineChecks.Faults(headline));

    [Theory]
    [InlineData("Julius Caesar is assassinated by Roman senators")]
    [InlineData("The Berlin Wall falls")]
    [InlineData("Pompey met Caesar in pitched battle at Pharsalus")]
    [InlineData("The airship Meridian blew up over the bay, killing all aboard")]
    public void Faults_AlmanacLine_HasNone(string headline) => Assert.Empty(HeadlineChecks.Faults(headline));

    [Fact]
    public void EvalProse_RealPages_FindsMostGoldEventsWithUsableHeadlines()
    {
        var scores = ProseEvaluation.Run(Path.Combine(SharedFolder.Corpus("real-pages"), "prose"));
        Assert.True(scores.OnDay >= scores.Gold.Count * 0.95, $"{scores.OnDay} of {scores.Gold.Count} on their day");
        Assert.Equal(0, scores.Faulty(HeadlineFault.Empty));
        Assert.Equal(0, scores.Faulty(HeadlineFault.TooLong));
        Assert.Equal(0, scores.Faulty(HeadlineFault.DanglingStart));
        Assert.Equal(0, scores.Faulty(HeadlineFault.Fragment));
    }

    [Fact]
    public void TitleInParts_GivesThePartThatTellsTheEvent_NotTheSitesName()
    {
        var page = "<html><head><title>Napoleon crowned emperor | December 2, 1804 | HISTORY</title></head><body><article>"
            + "<h1>Napoleon crowned emperor</h1><p>December 2, 1804</p><p>In Notre-Dame Cathedral in Paris, Napoleon Bonaparte is crowned Napoleon I, the first French emperor in a thousand years.</p>"
            + "</article></body></html>";
        Assert.Equal("Napoleon crowned emperor", HeadlineOn("napoleon.html", page, 1804, 12, 2));
    }

    [Fact]
    public void DayPageTitleEntries_KeepTheirParticiples()
    {
        var page = "December 2\n\n1804\nNapoleon crowned emperor\n\n1971\nUAE formed\n";
        Assert.Equal(["UAE formed"], HeadlinesOn(page, 1971, 12, 2));
    }

    [Fact]
    public void LastItemOfAList_StaysInTheClause()
    {
        var text = "The Axis expanded on 20 November 1940 when Hungary, Slovakia, and Romania joined the Tripartite Pact.";
        Assert.Equal("The Axis expands when Hungary, Slovakia, and Romania joined the Tripartite Pact", HeadlineOn("axis.txt", text, 1940, 11, 20));
    }

    [Fact]
    public void LongLine_IsNotCutInsideAList()
    {
        var text = "On 8 March 1942 Japan had almost fully conquered Burma, Malaya, the Dutch East Indies, Singapore, and Rabaul, inflicting severe losses on the Allied troops and taking a great many prisoners.";
        Assert.Contains("Malaya", HeadlineOn("pacific.txt", text, 1942, 3, 8), StringComparison.Ordinal);
    }

    [Fact]
    public void ClauseCutBeforeTheNextDate_EndsOnAWordThatCompletesIt_AndASubjectlessOneTakesTheSentences()
    {
        var text = "Gálvez captured Mobile on 14 March 1780 and forced the surrender of the British outpost at Pensacola on 10 May 1781.";
        Assert.EndsWith("at Pensacola", HeadlineOn("galvez.txt", text, 1780, 3, 14));
        Assert.Equal("Gálvez forces the surrender of the British outpost at Pensacola", HeadlineOn("galvez.txt", text, 1781, 5, 10));
    }

    [Fact]
    public void DateInsideAName_DoesNotCutTheNextDatesClause()
    {
        var text = "The Chinese Winter Offensive overwhelmed the UN forces and the PVA conquered Seoul on 4 January 1951.";
        Assert.StartsWith("The Chinese Winter Offensive", HeadlineOn("korea.txt", text, 1951, 1, 4));
    }

    /// <summary>Ingests one hand-written page and returns the headline of the single event listed on the day and year given.</summary>
    private static string HeadlineOn(string fileName, string text, int year, int month, int day) =>
        Assert.Single(HeadlinesOn(text, year, month, day, fileName));

    /// <summary>Ingests one page and returns the headlines of the events listed on the day and year given.</summary>
    private static List<string> HeadlinesOn(string text, int year, int month, int day, string fileName = "page.txt")
    {
        var folder = Directory.CreateTempSubdirectory("almanac-headlines-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, fileName), text);
            using var store = SqliteAlmanacStore.Open(Path.Combine(folder, "almanac.db"));
            new Ingestor(store).Ingest(DocumentFiles.Find([Path.Combine(folder, fileName)]));
            return store.GetEventsOnDay(month, day).Where(e => e.ListedDate.Year == year).Select(e => e.Event.Text).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
