using Almanac.Core;

namespace Almanac.Core.Tests;

public sealed class EditorialLayerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static HistoricalEvent Machine() => new(
        "e1", MentionKind.Event, "Spain declares war on Morocco", "Spain declares war on Morocco", HistoricalDate.OnDay(1859, 10, 22), null,
        [new DateClaim(HistoricalDate.OnDay(1859, 10, 22), null, ["doc"], 1)], [], [], [], 1.0, []);

    private static Correction Correction(long id, CorrectionAction action, string? title = null, HistoricalDate? date = null) =>
        new(id, new CorrectionRequest("e1", action, "why", "ada", At, title, date), "Spain declares war on Morocco");

    [Fact]
    public void Targets_EventSplit_CorrectionFollowsThePartHoldingMostOfItsMentions()
    {
        var targets = EditorialLayer.Targets([
            new CorrectionHolding(1, CorrectionAction.Correct, "smaller", Held: 1, EventMentions: 1),
            new CorrectionHolding(1, CorrectionAction.Correct, "larger", Held: 3, EventMentions: 3),
        ]);
        Assert.Equal("larger", targets[1]);
    }

    [Fact]
    public void Targets_TiedParts_FollowTheOneTheyAreMostOf_ThenTheLowestId()
    {
        var targets = EditorialLayer.Targets([
            new CorrectionHolding(1, CorrectionAction.Hide, "a-large", 1, 11),
            new CorrectionHolding(1, CorrectionAction.Hide, "b-small", 1, 1),
            new CorrectionHolding(2, CorrectionAction.Correct, "d", 2, 2),
            new CorrectionHolding(2, CorrectionAction.Correct, "c", 2, 2),
        ]);
        Assert.Equal("b-small", targets[1]);
        Assert.Equal("c", targets[2]);
    }

    [Fact]
    public void Targets_HiddenEventMergedIntoALargerOne_TheHideWaits_ButACorrectionFollows()
    {
        var targets = EditorialLayer.Targets([
            new CorrectionHolding(1, CorrectionAction.Hide, "merged", Held: 2, EventMentions: 9),
            new CorrectionHolding(2, CorrectionAction.Correct, "merged", Held: 2, EventMentions: 9),
            new CorrectionHolding(3, CorrectionAction.Hide, "grown", Held: 2, EventMentions: 4),
        ]);
        Assert.False(targets.ContainsKey(1));
        Assert.Equal("merged", targets[2]);
        Assert.Equal("grown", targets[3]);
    }

    [Fact]
    public void Apply_DateCorrected_ListsTheEventUnderThatDayOnly_AndMachineOfRestoresIt()
    {
        var machine = Machine();
        var corrected = EditorialLayer.Apply(machine, [Correction(1, CorrectionAction.Correct, date: HistoricalDate.OnDay(1859, 10, 21))]);

        Assert.Equal([HistoricalDate.OnDay(1859, 10, 21)], DayListing.DaysOf(corrected).Select(d => d.Listed));
        Assert.Equal(machine, EditorialLayer.MachineOf(corrected));
    }

    [Fact]
    public void Apply_Hidden_IsListedOnNoDay()
    {
        var hidden = EditorialLayer.Apply(Machine(), [Correction(1, CorrectionAction.Hide)]);
        Assert.Empty(DayListing.DaysOf(hidden));
        Assert.True(hidden.Editorial!.Hidden);
    }

    [Fact]
    public void Apply_TwoTitles_TheLaterWins_AndTheLineFollowsTheTitle()
    {
        var corrected = EditorialLayer.Apply(Machine(), [Correction(1, CorrectionAction.Correct, "first"), Correction(2, CorrectionAction.Correct, "second")]);
        Assert.Equal(("second", "second"), (corrected.Title, corrected.Text));
        Assert.Equal("Spain declares war on Morocco", corrected.Editorial!.MachineTitle);
    }
}
