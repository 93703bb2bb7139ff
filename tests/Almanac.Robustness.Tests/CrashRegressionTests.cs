using System.Text;
using Almanac.Core;
using Almanac.Events;
using Almanac.Temporal;
using Almanac.Text;

namespace Almanac.Robustness.Tests;

/// <summary>Crashes the fuzzing and the adversarial inputs found, kept so they stay fixed.</summary>
public sealed class CrashRegressionTests
{
    /// <summary>Found by RegexTimeBoundTests ("1948–1948–…50", "1956 BC 1956 BC …", "the mid-1930s and …").</summary>
    private const string StartsWithDates = "1948–1948–1948–50 were the years, and the mid-1930s and 1956 BC 1956 BC were others.";

    [Fact]
    public void Extract_TextStartingWithADate_DoesNotThrow()
    {
        var read = DocumentReader.Read("starts.txt", Encoding.UTF8.GetBytes(StartsWithDates));
        Assert.True(read.IsSuccess);
        var sentences = Segmenter.Split(read.Document);
        var timexes = TemporalTagger.Default.Tag(read.Document.Text, new TaggingContext());

        var mentions = MentionExtractor.Extract(new DocumentAnalysis(read.ContentHash, read.Document, sentences, timexes));

        Assert.Contains(mentions, m => m.Date == HistoricalDate.InYear(1948));
    }

    [Fact]
    public void Ingest_DocumentThatTripsALaterStage_IsReportedOrStoredAndTheBatchGoesOn()
    {
        using var batch = new IngestBatch();
        var path = batch.Write("starts.txt", StartsWithDates);

        var (exitCode, output, error) = batch.Ingest(batch.Folder);

        Assert.Equal(0, exitCode);
        var stored = batch.WithStore(s => s.ContainsDocument(IngestBatch.HashOf(File.ReadAllBytes(path))));
        Assert.True(stored || error.Contains($"almanac ingest: {path}: could not be analysed", StringComparison.Ordinal), error);
        Assert.True(batch.WithStore(s => s.ContainsDocument(IngestBatch.HashOf(Encoding.UTF8.GetBytes(IngestBatch.GoodText)))), output);
    }
}
