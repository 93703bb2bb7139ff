using Almanac.Core;
using NodaTime;

namespace Almanac.Text.Tests.Structure;

public class OnThisDayFeedTests
{
    [Fact]
    public void FeedJson_EachItemIsAnEntryOfItsKindOnTheDayOfTheFileName()
    {
        var document = Reading.Document("onthisday-03-15.json",
            """{"selected": [{"text": "Caesar is assassinated.", "year": -44}], "events": [{"text": "Caesar is assassinated.", "year": -44, "pages": []}], "births": [{"text": "Andrew Jackson, president", "year": 1767}], "deaths": [{"text": "H. P. Lovecraft, writer", "year": 1937}], "holidays": [{"text": "Ides of March"}]}""");
        Assert.NotNull(document.DayPage);
        Assert.Equal(new AnnualDate(3, 15), document.DayPage.Day);
        Assert.Equal(
            [(-43, MentionKind.Event), (1767, MentionKind.Birth), (1937, MentionKind.Death), ((int?)null, MentionKind.Holiday)],
            document.DayPage.Entries.Select(e => (e.Year, e.Kind)));
    }

    [Fact]
    public void JsonThatIsNoFeed_IsRefused()
    {
        Assert.Equal("no readable text in the file", Reading.Failure("package.json", "{\"name\": \"x\"}"u8.ToArray()));
    }
}
