using Almanac.Text.Boilerplate;

namespace Almanac.Text.Tests.Boilerplate;

public class CueTextTests
{
    [Theory]
    [InlineData("Comments ( 1 )", "comments #")]
    [InlineData("  1. Spellbound says", "# spellbound says")]
    [InlineData("Browse: Home / History and Politics", "browse home history and politics")]
    [InlineData("© 2022 David", "© # david")]
    [InlineData("Editor’s Picks", "editor s picks")]
    public void Normalize_Line_GivesComparableForm(string line, string expected)
    {
        Assert.Equal(expected, CueText.Normalize(line));
    }

    [Theory]
    [InlineData("Texts     Images     Audio", true)]
    [InlineData("Home | About | Contact", true)]
    [InlineData("Home · Blog · Privacy Policy · Disclaimer", true)]
    [InlineData("Stalin died in 1953 and the thaw began", false)]
    [InlineData("Poland | Hungary", false)]
    public void IsMenuBar_Line_IsRecognised(string line, bool expected)
    {
        Assert.Equal(expected, BoilerplateFilter.IsMenuBar(line));
    }
}
