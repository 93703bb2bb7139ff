namespace Almanac.Events.Tests;

public sealed class TimelineTests(SeedPipeline seeds) : IClassFixture<SeedPipeline>
{
    [Fact]
    public void Of_Khrushchev_ListsHisEventsInDateOrderWithTheSpeech()
    {
        var timeline = Timeline.Of(seeds.Events, "khrushchev");
        Assert.Contains(timeline, e => e.Id == seeds.Speech.Id);
        Assert.Equal(timeline.OrderBy(e => e.Date).Select(e => e.Id), timeline.Select(e => e.Id));
        Assert.All(timeline, e => Assert.Contains(e.People, p => p.Contains("Khrushchev", StringComparison.Ordinal)));
    }

    [Fact]
    public void Of_NobodyByThatName_IsEmpty()
    {
        Assert.Empty(Timeline.Of(seeds.Events, "Bonaparte"));
    }
}
