using Almanac.Core;
using Almanac.Temporal.TimeMl;

namespace Almanac.Temporal.Evaluation;

/// <summary>Tags every TimeML file of a gold folder (answers removed first) and scores the result.</summary>
public static class CorpusEvaluation
{
    public static (TimexScores Scores, IReadOnlyList<TimexError> Errors) Run(string goldDirectory, AnchorMode mode, TemporalTagger tagger)
    {
        var files = Directory.GetFiles(goldDirectory, "*.tml").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw new FileNotFoundException($"no .tml files in '{goldDirectory}'");
        var results = new (TimexScores, IReadOnlyList<TimexError>)[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var name = Path.GetFileName(files[i]);
            if (!TimeMlDocument.TryParse(File.ReadAllText(files[i]), out var document, out var error))
                throw new InvalidDataException($"{files[i]}: {error}");
            var system = tagger.TagForTimeMl(document!.PlainText, new TaggingContext(document.CreationDate, mode));
            results[i] = TimexEvaluator.Compare(name, document.PlainText, document.Gold, system);
        });
        var total = results.Aggregate(TimexScores.Zero, (sum, r) => sum + r.Item1);
        return (total, results.SelectMany(r => r.Item2).ToArray());
    }
}
