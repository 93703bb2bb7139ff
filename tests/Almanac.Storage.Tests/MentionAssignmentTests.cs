using Almanac.Core;

namespace Almanac.Storage.Tests;

public sealed class MentionAssignmentTests
{
    [Fact]
    public void Filing_EventShowingSomeOfItsMentions_PlacesThoseItShowsInItsOrderAndFilesTheRestUnshown()
    {
        var (_, speech) = AlmanacStoreContract.Speech("doc-a");
        EventMention[] all = [speech[0], speech[0] with { SentenceStart = 200 }, speech[0] with { SentenceStart = 400 }];
        var shown = AlmanacStoreContract.Event("speech", HistoricalDate.OnDay(1956, 2, 25)) with { Mentions = [all[2], all[0]] };
        var alone = AlmanacStoreContract.Event("alone", HistoricalDate.OnDay(1917, 11, 7)) with { Mentions = [speech[0] with { SentenceStart = 600 }] };
        var rows = new Dictionary<EventMention, long>(ReferenceEqualityComparer.Instance) { [all[0]] = 10, [all[1]] = 11, [all[2]] = 12, [alone.Mentions[0]] = 13 };

        var filing = MentionAssignment.Filing([shown, alone], new Dictionary<string, IReadOnlyList<EventMention>> { ["speech"] = all, ["alone"] = alone.Mentions },
            m => rows[m]);

        Assert.Equal([new MentionAssignment(10, "speech", 1), new MentionAssignment(11, "speech", null), new MentionAssignment(12, "speech", 0),
            new MentionAssignment(13, "alone", 0)], filing);
    }

    [Fact]
    public void Filing_MentionEqualToAShownOneButAnotherObject_IsNotShown()
    {
        // Two mentions of one sentence and date are two rows: the event shows the very mention it kept, not its twin.
        var (_, speech) = AlmanacStoreContract.Speech("doc-a");
        var twin = speech[0] with { };
        var e = AlmanacStoreContract.Event("speech", HistoricalDate.OnDay(1956, 2, 25)) with { Mentions = [speech[0]] };
        var rows = new Dictionary<EventMention, long>(ReferenceEqualityComparer.Instance) { [twin] = 1, [speech[0]] = 2 };

        var filing = MentionAssignment.Filing([e], new Dictionary<string, IReadOnlyList<EventMention>> { ["speech"] = [twin, speech[0]] }, m => rows[m]);

        Assert.Equal([new MentionAssignment(1, "speech", null), new MentionAssignment(2, "speech", 0)], filing);
    }
}
