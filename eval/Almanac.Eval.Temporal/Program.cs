// Scores the temporal tagger against a folder of gold TimeML files with the TempEval-3 metrics.
// Usage: dotnet run --project eval/Almanac.Eval.Temporal -- GOLD_DIR [--errors] [--anchor news|narrative]
using Almanac.Temporal;
using Almanac.Temporal.Evaluation;

var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (folder is null || !Directory.Exists(folder))
{
    Console.Error.WriteLine($"eval: gold folder '{folder}' not found. Usage: GOLD_DIR [--errors] [--anchor news|narrative]");
    return 2;
}
var anchorIndex = Array.IndexOf(args, "--anchor");
var mode = anchorIndex >= 0 && anchorIndex + 1 < args.Length && args[anchorIndex + 1] == "narrative" ? AnchorMode.Narrative : AnchorMode.News;
try
{
    var (scores, errors) = CorpusEvaluation.Run(folder, mode, TemporalTagger.Default);
    EvaluationReport.Write(Console.Out, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), scores, errors, args.Contains("--errors"));
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"eval: {folder}: {e.Message}");
    return 1;
}
