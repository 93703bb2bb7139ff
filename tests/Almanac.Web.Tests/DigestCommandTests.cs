using Almanac.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Web.Tests;

/// <summary>`almanac digest` over the server's store: the newsletter text a writer pastes.</summary>
[Collection(ServerCollection.Name)]
public sealed class DigestCommandTests(AlmanacServer server)
{
    [Fact]
    public void Digest_Markdown_HasTheDaysEventsAndTheThought()
    {
        var (code, output, error) = Run("digest", "06-04");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.StartsWith("# On this day: 4 June", output);
        Assert.Contains("Secret speech", output);
        Assert.Contains("## Thought for the day", output);
        Assert.Contains("(http://127.0.0.1:5080/event/", output);
    }

    [Fact]
    public void Digest_Html_IsADocumentWithTheTextEncoded()
    {
        var (code, output, _) = Run("digest", "06-04", "--format", "html", "--base-url", "https://almanac.example");
        Assert.Equal(0, code);
        Assert.StartsWith("<!doctype html>", output);
        Assert.Contains("href=\"https://almanac.example/event/", output);
        Assert.Contains("&lt;script&gt;", output);
        Assert.DoesNotContain("<script", output);
    }

    [Fact]
    public void Digest_WithoutADay_IsTodayInTheLocalZone()
    {
        var (code, output, _) = Run("digest");
        Assert.Equal(0, code);
        Assert.StartsWith("# On this day: 4 June", output);
    }

    [Theory]
    [InlineData("02-30")]
    [InlineData("13-01")]
    public void Digest_NotACalendarDay_FailsNamingIt(string day)
    {
        var (code, _, error) = Run("digest", day);
        Assert.Equal(1, code);
        Assert.Contains($"'{day}' is not a calendar day", error);
    }

    private (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(new FakeTimeProvider(AlmanacServer.Now), TimeZoneInfo.Utc, output, error, IsTerminal: false);
        var code = AlmanacCli.Run([.. args, "--db", server.DatabasePath], environment);
        return (code, output.ToString(), error.ToString());
    }
}
