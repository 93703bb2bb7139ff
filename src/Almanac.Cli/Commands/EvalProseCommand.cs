using System.CommandLine;
using System.Globalization;
using Almanac.Events;
using Almanac.Ingest.Evaluation;

namespace Almanac.Cli.Commands;

/// <summary>`almanac eval prose DIR`: events from prose pages against the folder's gold.jsonl, and the headline checks.</summary>
public static class EvalProseCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var folder = new Argument<string>("DIR") { Description = $"A folder of prose pages with a {ProseEvaluation.GoldFile} (the real-pages/prose format)." };
        var errors = new Option<bool>("--errors") { Description = "List every missed gold event and every headline that fails a check." };
        var prose = new Command("prose", "Score events from prose: gold events on their day with their year and keywords; headline checks.") { folder, errors };
        prose.SetGuardedAction(environment, parse =>
        {
            var path = parse.GetValue(folder)!;
            if (!File.Exists(Path.Combine(path, ProseEvaluation.GoldFile)))
                throw new CliFailure($"{path}: no {ProseEvaluation.GoldFile} in this folder");
            Write(environment.Out, ProseEvaluation.Run(path), parse.GetValue(errors));
            return 0;
        });
        return prose;
    }

    private static void Write(TextWriter output, ProseScores scores, bool errors)
    {
        var total = scores.Gold.Count;
        output.WriteLine($"gold events on their day with the right year: {Ratio(scores.OnDay, total)}");
        output.WriteLine($"  ... and a headline with every keyword:       {Ratio(scores.WithKeywords, total)}");
        output.WriteLine($"headlines of the folder's day events: {scores.Events}");
        foreach (var (fault, label) in new[]
                 {
                     (HeadlineFault.Empty, "empty"),
                     (HeadlineFault.DanglingStart, "starting with a pronoun or conjunction"),
                     (HeadlineFault.Fragment, "fragment (no verb, broken start or brackets)"),
                     (HeadlineFault.TooLong, $"over {HeadlineChecks.MaxWords} words"),
                 })
            output.WriteLine($"  {label}: {Ratio(scores.Faulty(fault), scores.Events)}");
        foreach (var failure in scores.ReadFailures)
            output.WriteLine($"not read: {failure.Path}: {failure.Reason}");
        if (!errors)
            return;
        foreach (var miss in scores.Gold.Where(g => !g.WithKeywords))
        {
            var gold = miss.Gold;
            output.WriteLine($"{(miss.OnDay ? "NO KEYWORDS" : "MISSED")}\t{gold.File}\t{gold.Date.ToTimex()}\t[{string.Join(", ", gold.Keywords)}]\t{Flat(gold.Sentence)}");
            foreach (var headline in miss.HeadlinesThatDay)
                output.WriteLine($"\tlisted: {headline}");
        }
        foreach (var failure in scores.HeadlineFailures)
            output.WriteLine($"HEADLINE\t{failure.EventId}\t{string.Join(",", failure.Faults)}\t{failure.Headline}");
    }

    private static string Ratio(int count, int total) =>
        total == 0 ? "0 of 0" : string.Create(CultureInfo.InvariantCulture, $"{count} of {total} ({100.0 * count / total:F1}%)");

    private static string Flat(string text) => string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
