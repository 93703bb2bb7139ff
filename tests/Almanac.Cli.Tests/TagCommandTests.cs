using Almanac.TestSupport;
using System.Text.Json;

namespace Almanac.Cli.Tests;

public sealed class TagCommandTests
{
    [Fact]
    public void Tag_StandardInputJson_GivesUtf16OffsetsTypeAndValue()
    {
        using var cli = new CliRun();
        const string text = "Khrushchev’s secret speech, (February 25, 1956), in denunciation of Stalin.";
        var (exitCode, output, error) = cli.RunWithInput(text, "tag", "-", "--json");
        Assert.True(exitCode == 0, error);
        var timex = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        var start = timex.GetProperty("start").GetInt32();
        var end = timex.GetProperty("end").GetInt32();
        Assert.Equal("February 25, 1956", text[start..end]);
        Assert.Equal("February 25, 1956", timex.GetProperty("text").GetString());
        Assert.Equal("DATE", timex.GetProperty("type").GetString());
        Assert.Equal("1956-02-25", timex.GetProperty("value").GetString());
    }

    [Fact]
    public void Tag_FileLargerThanTheDocumentLimit_IsStreamedWithOffsetsInTheWholeFile()
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Folder, "big.txt");
        const string head = "The colonies declared independence on 4 July 1776.\n\n";
        const string tail = "\n\nIn June the fleet arrived.";
        using (var writer = new StreamWriter(path))
        {
            writer.Write(head);
            var blanks = new string(' ', 1 << 20);
            for (var i = 0; i < 33; i++)
                writer.Write(blanks);
            writer.Write(tail);
        }
        var length = head.Length + 33L * (1 << 20) + tail.Length;

        var (exitCode, output, error) = cli.Run("tag", path, "--json");

        Assert.True(exitCode == 0, error);
        var timexes = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(t => (Start: t.GetProperty("start").GetInt64(), End: t.GetProperty("end").GetInt64(), Value: t.GetProperty("value").GetString())).ToList();
        Assert.Equal([(38L, 49L, "1776-07-04"), (length - tail.Length + 5, length - tail.Length + 9, "1776-06")], timexes);
    }

    [Fact]
    public void Tag_TimeMlFolder_TagsEveryDocument()
    {
        using var cli = new CliRun();
        var gold = Directory.CreateDirectory(Path.Combine(cli.Folder, "gold")).FullName;
        foreach (var source in Directory.GetFiles(SharedFolder.Corpus("timebank"), "*.tml").Order(StringComparer.Ordinal).Take(6))
            File.Copy(source, Path.Combine(gold, Path.GetFileName(source)));
        var tagged = Path.Combine(cli.Folder, "tagged");

        var (exitCode, _, error) = cli.Run("tag", gold, "--timeml", "--out", tagged);

        Assert.True(exitCode == 0, error);
        Assert.Equal(Directory.GetFiles(gold).Select(Path.GetFileName).Order(), Directory.GetFiles(tagged).Select(Path.GetFileName).Order());
        Assert.All(Directory.GetFiles(tagged), f => Assert.Contains("<TIMEX3", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void Tag_SeedFile_ReadsTheNarrativeMonthAsThatYears()
    {
        using var cli = new CliRun();
        var seed = Directory.GetFiles(SharedFolder.Seeds, "003_*").Single();
        var (exitCode, output, _) = cli.Run("tag", seed, "--json");
        Assert.Equal(0, exitCode);
        var values = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(t => (Text: t.GetProperty("text").GetString(), Value: t.GetProperty("value").GetString())).ToList();
        Assert.Contains(("February 25th, 1956", "1956-02-25"), values);
        Assert.Contains(values, v => v.Text!.Contains("March", StringComparison.Ordinal) && v.Value == "1956-03");
    }

    [Fact]
    public void Tag_MissingFile_FailsNamingIt()
    {
        using var cli = new CliRun();
        var missing = Path.Combine(cli.Folder, "nope.txt");
        var (exitCode, _, error) = cli.Run("tag", missing);
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"almanac tag: {missing}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalTimex_OneTimeBankDocument_PrintsTempEvalFigures()
    {
        using var cli = new CliRun();
        var gold = Directory.CreateDirectory(Path.Combine(cli.Folder, "gold")).FullName;
        var source = Directory.GetFiles(SharedFolder.Corpus("timebank"), "*.tml").Order(StringComparer.Ordinal).First();
        File.Copy(source, Path.Combine(gold, Path.GetFileName(source)));
        var (exitCode, output, error) = cli.Run("eval", "timex", gold);
        Assert.True(exitCode == 0, error);
        Assert.Matches(@"strict\s+P\s+[\d.]+\s+R\s+[\d.]+\s+F1\s+[\d.]+", output);
        Assert.Matches(@"relaxed\s+P\s+[\d.]+\s+R\s+[\d.]+\s+F1\s+[\d.]+", output);
        Assert.Matches(@"value F1\s+[\d.]+\s+type F1\s+[\d.]+", output);
    }

    [Fact]
    public void EvalTimex_MissingFolder_FailsNamingTheSubcommandAndFolder()
    {
        using var cli = new CliRun();
        var missing = Path.Combine(cli.Folder, "no-gold");
        var (exitCode, _, error) = cli.Run("eval", "timex", missing);
        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("almanac eval timex: ", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }
}
