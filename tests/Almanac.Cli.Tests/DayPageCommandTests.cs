using System.Text.Json;

namespace Almanac.Cli.Tests;

public class DayPageCommandTests
{
    private const string Page = "March 15\n\nEvents\n44 BC – Julius Caesar is assassinated in Rome.\n1917 – Nicholas II abdicates the throne of Russia.\n\nBirths\n1767 – Andrew Jackson, American president (d. 1845)\n";

    [Fact]
    public void IngestedDayPage_ListsEveryEntryOnItsDay_WithItsKind()
    {
        using var cli = new CliRun();
        var page = Path.Combine(cli.Folder, "march.txt");
        File.WriteAllText(page, Page);
        Assert.Equal(0, cli.Run("ingest", page).ExitCode);
        var (exitCode, output, error) = cli.Run("day", "03-15", "--json");
        Assert.True(exitCode == 0, error);
        var events = JsonDocument.Parse(output).RootElement.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("year").GetInt32(), e => e.GetProperty("kind").GetString());
        Assert.Equal("event", events[-44]);
        Assert.Equal("event", events[1917]);
        Assert.Equal("birth", events[1767]);
    }

    [Fact]
    public void IngestedDayPage_DayShowsEachKindUnderItsHeading_AndHolidaysWithoutAYear()
    {
        using var cli = new CliRun();
        var page = Path.Combine(cli.Folder, "march.txt");
        File.WriteAllText(page, Page + "\nHolidays and observances\nEquestrian Day\nDay of the River Pilots\n");
        Assert.Equal(0, cli.Run("ingest", page).ExitCode);

        var (exitCode, output, error) = cli.Run("day", "03-15");
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int At(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(At("Events:") < At("Nicholas II") && At("Nicholas II") < At("Births:") && At("Births:") < At("Andrew Jackson")
            && At("Andrew Jackson") < At("Holidays and observances:") && At("Holidays and observances:") < At("Equestrian Day"), output);

        var json = JsonDocument.Parse(cli.Run("day", "03-15", "--json").Out).RootElement;
        Assert.Equal(["Equestrian Day", "Day of the River Pilots"], json.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
    }

    [Fact]
    public void IngestFolder_JsonThatIsNoFeed_IsPassedOverQuietly_ButRefusedWhenNamed()
    {
        using var cli = new CliRun();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "saved")).FullName;
        File.WriteAllText(Path.Combine(folder, "march.txt"), Page);
        var settings = Path.Combine(folder, "settings.json");
        File.WriteAllText(settings, "{\"theme\": \"dark\"}");

        var fromFolder = cli.Run("ingest", folder);
        Assert.True(fromFolder.ExitCode == 0, fromFolder.Error);
        Assert.DoesNotContain("settings.json", fromFolder.Out + fromFolder.Error, StringComparison.Ordinal);

        var named = cli.Run("ingest", settings);
        Assert.Equal(1, named.ExitCode);
        Assert.Contains("settings.json: not an on-this-day feed", named.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalPages_HandWrittenPageAndGold_PrintsRecallPrecisionAndKinds()
    {
        using var cli = new CliRun();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "pages")).FullName;
        File.WriteAllText(Path.Combine(folder, "march.txt"), Page);
        File.WriteAllLines(Path.Combine(folder, "gold.jsonl"),
        [
            """{"file": "march.txt", "day": "03-15", "year": -44, "section": "Events", "text": "Julius Caesar is assassinated in Rome."}""",
            """{"file": "march.txt", "day": "03-15", "year": 1917, "section": "Events", "text": "Nicholas II abdicates the throne of Russia."}""",
            """{"file": "march.txt", "day": "03-15", "year": 1767, "section": "Births", "text": "Andrew Jackson, American president (d. 1845)"}""",
            """{"file": "march.txt", "day": "03-15", "year": 1820, "section": "Deaths", "text": "Someone the page does not list"}""",
        ]);
        var (exitCode, output, error) = cli.Run("eval", "pages", folder, "--errors");
        Assert.True(exitCode == 0, error);
        Assert.Contains("pages: recall 75.0% (3/4), precision 100.0% (3/3), births and deaths of the right kind 50.0% (1/2)", output, StringComparison.Ordinal);
        Assert.Contains("missed     march.txt  1820  Deaths  Someone the page does not list", output, StringComparison.Ordinal);
    }
}
