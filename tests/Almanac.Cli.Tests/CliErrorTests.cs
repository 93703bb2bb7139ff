namespace Almanac.Cli.Tests;

public sealed class CliErrorTests
{
    [Theory]
    [InlineData("13-01")]
    [InlineData("02-30")]
    [InlineData("june")]
    public void Day_NotACalendarDay_FailsNamingTheInput(string day)
    {
        using var cli = new CliRun();
        var (exitCode, output, error) = cli.Run("day", day);
        Assert.NotEqual(0, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"'{day}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_MissingPath_NamesItAndGoesOnWithTheRest()
    {
        using var cli = new CliRun();
        var good = Path.Combine(cli.Folder, "good.txt");
        File.WriteAllText(good, "On 6 June 1944 Allied troops landed in Normandy.");
        var missing = Path.Combine(cli.Folder, "missing.txt");
        var (exitCode, output, error) = cli.Run("ingest", missing, good);
        Assert.Equal(0, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.StartsWith("1 documents read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_EmptyFile_FailsNamingTheFile_AndStoresNothing()
    {
        using var cli = new CliRun();
        var empty = Path.Combine(cli.Folder, "empty.txt");
        File.WriteAllText(empty, "");
        var (exitCode, _, error) = cli.Run("ingest", empty);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(empty, error, StringComparison.Ordinal);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_NothingMatches_FailsNamingTheQuery()
    {
        using var cli = new CliRun();
        var (exitCode, _, error) = cli.Run("event", "zeppelin");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("'zeppelin'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_EmptyStore_SaysHowToAddDocuments()
    {
        using var cli = new CliRun();
        var (exitCode, output, error) = cli.Run("day", "06-04");
        Assert.Equal(0, exitCode);
        // With calendar files installed the built-in almanac fills the page and the hint goes to stderr.
        Assert.Contains("almanac ingest", output + error, StringComparison.Ordinal);
    }
}
