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
