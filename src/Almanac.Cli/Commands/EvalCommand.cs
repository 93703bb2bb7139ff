using System.CommandLine;
using Almanac.Ingest.Evaluation;
using Almanac.Temporal;
using Almanac.Temporal.Evaluation;

namespace Almanac.Cli.Commands;

/// <summary>
/// `almanac eval timex GOLD_DIR`: the tagger scored against gold TimeML with the TempEval-3 metrics.
/// `almanac eval pages DIR`: day pages ingested into a fresh store, their dated entries scored against DIR/gold.jsonl.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var gold = new Argument<string>("GOLD_DIR") { Description = "A folder of TimeML files with gold TIMEX3 tags." };
        var errors = new Option<bool>("--errors") { Description = "List every missed, spurious and wrongly normalized expression." };
        var anchor = new Option<string?>("--anchor") { Description = "news (default: anchor on the DCT) or narrative (on the last date stated)." };
        var timex = new Command("timex", "Score the temporal tagger: strict/relaxed P, R, F1, value F1 and type F1.") { gold, errors, anchor };
        timex.SetGuardedAction(environment, parse =>
        {
            var folder = parse.GetValue(gold)!;
            if (!Directory.Exists(folder))
                throw new CliFailure($"{folder}: no such folder");
            var mode = TagCommand.ParseMode(parse.GetValue(anchor), AnchorMode.News);
            var (scores, list) = CorpusEvaluation.Run(folder, mode, TemporalTagger.Default);
            EvaluationReport.Write(environment.Out, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), scores, list, parse.GetValue(errors));
            return 0;
        });
        return new Command("eval", "Measure Almanac's components against annotated corpora.") { timex, Pages(environment), EvalProseCommand.Create(environment) };
    }

    private static Command Pages(CliEnvironment environment)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of day pages with a gold.jsonl (file, day, year, section, text per line)." };
        var errors = new Option<bool>("--errors") { Description = "List every missed entry, false entry and wrong kind." };
        var pages = new Command("pages", "Score day-page reading: recall and precision of (day, year) entries, and births and deaths of the right kind.") { folder, errors };
        pages.SetGuardedAction(environment, parse =>
        {
            var path = parse.GetValue(folder)!;
            if (!Directory.Exists(path))
                throw new CliFailure($"{path}: no such folder");
            DayPageEvaluationResult report;
            try
            {
                report = DayPageEvaluation.Run(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                throw new CliFailure($"{path}: {e.Message}");
            }
            DayPageEvaluation.Write(environment.Out, Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), report, parse.GetValue(errors));
            return 0;
        });
        return pages;
    }
}
