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
    public void JsonThatIsNoFeed_IsRefusedSayingWhatJsonIsRead()
    {
        Assert.StartsWith("not an on-this-day feed: Almanac reads JSON only in the shape of Wikimedia's feed",
            Reading.Failure("package.json", "{\"name\": \"x\"}"u8.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"events\": [{\"text\": \"A ship sails.\", \"year\": 1912}]}", true)]
    [InlineData("\uFEFF{\n  \"selected\" : [\n", true)]
    [InlineData("{\"name\": \"almanac\", \"events\": []}", false)]
    [InlineData("[1, 2, 3]", false)]
    public void FileInAFolder_IsReadAsAFeed_OnlyWhenItStartsLikeOne(string start, bool read)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("almanac-feed-").FullName, "x.json");
        try
        {
            File.WriteAllText(path, start);
            Assert.Equal(read, DocumentFormats.IsDocumentFile(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
