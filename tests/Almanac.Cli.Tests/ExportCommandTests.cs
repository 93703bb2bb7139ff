using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace Almanac.Cli.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public ExportCommandTests()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "documents")).FullName;
        File.WriteAllText(Path.Combine(folder, "speech.txt"), "On 4 June 1956, The New York Times published the \"secret speech\", in full.");
        File.WriteAllText(Path.Combine(folder, "wall.txt"), "On 9 November 1989 the Berlin Wall fell.");
        Assert.Equal(0, _cli.Run("ingest", folder).ExitCode);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Export_EverythingAsJsonLines_OneListingALineWithItsDayAndHistoriansYear()
    {
        var (exitCode, output, error) = _cli.Run("export");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["06-04", "11-09"], lines.Select(l => l.GetProperty("day").GetString()));
        Assert.Equal([1956, 1989], lines.Select(l => l.GetProperty("event").GetProperty("year").GetInt32()));
    }

    [Fact]
    public void Export_RangeThatWrapsPastTheYearsEnd_TakesTheDaysBetweenInCalendarOrder()
    {
        Assert.Equal(2, _cli.Run("export", "11-01..06-30").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("", _cli.Run("export", "06-05..11-08").Out);
        Assert.Single(_cli.Run("export", "06-04").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Export_AsCsv_ReadsBackWithAnIndependentParserQuotesAndCommasIntact()
    {
        var (exitCode, output, _) = _cli.Run("export", "--format", "csv");

        Assert.Equal(0, exitCode);
        using var parser = new TextFieldParser(new StringReader(output)) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        Assert.Equal(["day", "year", "date", "display", "kind", "title", "text", "disputed", "sources", "id"], parser.ReadFields()!);
        var speech = parser.ReadFields()!;
        Assert.Equal(["06-04", "1956", "1956-06-04", "4 June 1956", "event"], speech[..5]);
        Assert.Contains("\"secret speech\"", speech[6], StringComparison.Ordinal);
        Assert.Equal("11-09", parser.ReadFields()![0]);
        Assert.True(parser.EndOfData);
    }

    [Fact]
    public void Export_AsIcsAndMarkdown_ListsEachEventOnItsDay()
    {
        var ics = _cli.Run("export", "--format", "ics").Out;
        var markdown = _cli.Run("export", "--format", "md").Out;

        Assert.Equal(2, ics.Split("\r\n").Count(l => l == "BEGIN:VEVENT"));
        Assert.Contains("DTSTART;VALUE=DATE:19891109", ics, StringComparison.Ordinal);
        Assert.Contains("## 4 June\n\n- **1956** – ", markdown, StringComparison.Ordinal);
        Assert.Contains("## 9 November", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ToAFile_WritesItAndSaysWhere()
    {
        var path = Path.Combine(_cli.Folder, "almanac.jsonl");
        var (exitCode, output, error) = _cli.Run("export", "--out", path);

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"2 listings of 366 days written to {path}", error, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Export_NotADay_FailsNamingIt()
    {
        var (exitCode, _, error) = _cli.Run("export", "13-45");

        Assert.Equal(1, exitCode);
        Assert.Contains("'13-45' is not a calendar day", error, StringComparison.Ordinal);
    }
}
