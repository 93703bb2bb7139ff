namespace Almanac.Events.Tests;

public sealed class PersonNamesTests
{
    [Fact]
    public void FullNames_TitleCaseHeading_GivesNoNames()
    {
        Assert.Empty(PersonNames.FullNames("The Iron Curtain: A Turning Point in European History"));
    }

    [Fact]
    public void FullNames_PossessiveArticleOrQuote_NamesAThingNotAPerson()
    {
        var names = PersonNames.FullNames(
            "In the spring of that year, a speech by Winston Churchill was printed in full; readers compared it with Churchill’s Iron Curtain remarks "
            + "and with the Fulton Address that followed, and many quoted the \"Sinews Peace\" passage at length in their own letters and papers.");
        Assert.Equal(["Winston Churchill"], names);
    }

    [Theory]
    [InlineData("He was born in Saint Petersburg and later met Leo Tolstoy there.", "Leo Tolstoy")]
    [InlineData("The Battle of Quatre Bras was fought near the strategic crossroads between the left wing of the army and the allies "
        + "under Marshal Michel Ney, who held the road to Quatre Bras for the whole of the afternoon.", "Marshal Michel Ney")]
    [InlineData("The envoys waited near Mount Vernon while George Washington wrote.", "George Washington")]
    [InlineData("Seward held a post in Abraham Lincoln's cabinet.", "Abraham Lincoln")]
    public void FullNames_RunsTheTextShowsArePlaces_AreNoPeople(string text, string people) =>
        Assert.Equal(people, string.Join('|', PersonNames.FullNames(text)));

    [Fact]
    public void FullNames_PluralPossessive_NamesAGroup()
    {
        Assert.Empty(PersonNames.FullNames("Workers joined the Polish Workers’ Party in numbers."));
    }

    [Fact]
    public void CanonicalForms_MiddleInitialVariants_BecomeTheFormMostSourcesUse()
    {
        var forms = PersonNames.CanonicalForms([("Nikita S. Khrushchev", "a"), ("Nikita Khrushchev", "b"), ("Nikita Khrushchev", "c"), ("Nikita Sergeyevich Khrushchev", "a")]);
        Assert.Equal("Nikita Khrushchev", forms["Nikita S. Khrushchev"]);
        Assert.Equal("Nikita Khrushchev", forms["Nikita Sergeyevich Khrushchev"]);
    }

    [Fact]
    public void In_SurnamesOnly_GiveTheShortestFullFormOfEachPersonTheDocumentNames()
    {
        string[] known = ["Nikita Sergeyevich Khrushchev", "Nikita Khrushchev", "Joseph Stalin", "Lavrentiy Beria", "Sergei Khrushchev"];
        Assert.Equal(["Nikita Khrushchev", "Joseph Stalin"], PersonNames.In("Khrushchev’s speech denounced Stalin.", known));
        Assert.Empty(PersonNames.In("The speech was read behind closed doors.", known));
    }
}
