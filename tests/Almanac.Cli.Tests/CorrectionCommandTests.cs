using System.Text.Json;

namespace Almanac.Cli.Tests;

public sealed class CorrectionCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public CorrectionCommandTests()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "documents")).FullName;
        File.WriteAllText(Path.Combine(folder, "wall.txt"), "On 9 November 1989 the Berlin Wall fell.");
        Assert.Equal(0, _cli.Run("ingest", folder).ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    private string IdOf(string words) =>
        JsonDocument.Parse(_cli.Run("search", words, "--json").Out).RootElement.GetProperty("events")[0].GetProperty("id").GetString()!;

    [Fact]
    public void Hide_ThenDayExportAndSearch_LeaveTheEventOut_AndUndoBringsItBack()
    {
        var wall = IdOf("Berlin Wall fell");

        var (exitCode, output, error) = _cli.Run("hide", wall, "--reason", "a test of hiding", "--editor", "ada");

        Assert.True(exitCode == 0, error);
        Assert.Contains("correction 1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin Wall", _cli.Run("day", "11-09").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin Wall", _cli.Run("export", "11-09").Out, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("event", wall).ExitCode);
        var listed = _cli.Run("corrections", wall).Out;
        Assert.Contains("ada\thid the event", listed, StringComparison.Ordinal);
        Assert.Contains("a test of hiding", listed, StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run("undo", "1", "--editor", "grace").ExitCode);
        Assert.Contains("Berlin Wall", _cli.Run("day", "11-09").Out, StringComparison.Ordinal);
        Assert.Contains("undone by grace", _cli.Run("corrections").Out, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("undo", "1").ExitCode);
    }

    [Fact]
    public void Correct_DateAndTitle_DayListsItUnderTheNewDay_AndEventSaysWhatTheMachineHad()
    {
        var wall = IdOf("Berlin Wall fell");

        var (exitCode, _, error) = _cli.Run("correct", wall, "--date", "1989-11-10", "--title", "Berliners begin to tear down the Wall", "--reason", "the demolition began the next day");

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("Wall", _cli.Run("day", "11-09").Out, StringComparison.Ordinal);
        Assert.Contains("Berliners begin to tear down the Wall", _cli.Run("day", "11-10").Out, StringComparison.Ordinal);
        var shown = _cli.Run("event", wall).Out;
        Assert.Contains("Corrected by the editor", shown, StringComparison.Ordinal);
        Assert.Contains($"({Environment.UserName}, 2026-06-04)", shown, StringComparison.Ordinal);
        Assert.Contains("The machine had: “", shown, StringComparison.Ordinal);
        Assert.Contains("9 November 1989", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectAndHide_BadInput_FailWithAMessageNamingIt()
    {
        var wall = IdOf("Berlin Wall fell");
        var badDate = _cli.Run("correct", wall, "--date", "next Tuesday", "--reason", "r");
        Assert.Equal(1, badDate.ExitCode);
        Assert.Contains("'next Tuesday' is not a date", badDate.Error, StringComparison.Ordinal);
        var nothing = _cli.Run("correct", wall, "--reason", "r");
        Assert.Contains("changes the date, the title or the kind", nothing.Error, StringComparison.Ordinal);
        var unknown = _cli.Run("hide", "no-such-event", "--reason", "r");
        Assert.Contains("no event has the id 'no-such-event'", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, _cli.Run("hide", wall).ExitCode);
    }

    [Fact]
    public void Hide_SurvivesReindex()
    {
        var wall = IdOf("Berlin Wall fell");
        _cli.Run("hide", wall, "--reason", "test");

        Assert.Equal(0, _cli.Run("reindex").ExitCode);

        Assert.DoesNotContain("Berlin Wall", _cli.Run("day", "11-09").Out, StringComparison.Ordinal);
        Assert.Contains("applies to event", _cli.Run("corrections").Out, StringComparison.Ordinal);
    }
}
