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
}
