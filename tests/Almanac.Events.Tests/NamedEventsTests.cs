namespace Almanac.Events.Tests;

public sealed class NamedEventsTests
{
    [Theory]
    [InlineData("The Battle of Quatre Bras was fought near the crossroads", "battle:quatre bras")]
    [InlineData("after the Battle of the Bulge, the Siege of Bastogne ended", "battle:bulge|siege:bastogne")]
    [InlineData("Napoleon’s defeat at the Battle of Waterloo’s end", "battle:waterloo")]
    [InlineData("The Treaty of Paris, signed in 1783, ended the war", "treaty:paris")]
    [InlineData("a battle of wills between the Council and the king", "")]
    [InlineData("The Battle of 1066 is remembered", "")]
    public void In_Clause_IsTheEventsItNamesByKindAndPlace(string clause, string expected) =>
        Assert.Equal(expected, string.Join('|', NamedEvents.In(clause).Select(n => $"{n.Kind}:{n.Name}")));
}
