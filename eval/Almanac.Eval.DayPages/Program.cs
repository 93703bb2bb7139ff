// Renders Wikipedia's date pages (shared/corpora/wikipedia-days/days.jsonl) back into the pages a reader would
// save — plain text, Markdown and HTML — with a gold.jsonl for each rendering, and scores them as `almanac eval
// pages` does. Usage:
//   dotnet run -c Release --project eval/Almanac.Eval.DayPages -- DAYS_JSONL [--days N|all] [--errors] [--keep DIR] [--render-only NAME]
// --days: how many calendar days, spread over the year (default 12); --keep: write the renderings there and keep them;
// --render-only text|markdown|html: only write that rendering into the --keep folder, unscored (bench/ingest-days.sh ingests it).
using Almanac.Eval.DayPages;
using Almanac.Ingest.Evaluation;

var input = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && File.Exists(a));
if (input is null)
{
    Console.Error.WriteLine("eval: days.jsonl not found. Usage: DAYS_JSONL [--days N|all] [--errors] [--keep DIR] [--render-only NAME]");
    return 2;
}
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var dayCount = Option("--days") is { } n ? (n == "all" ? int.MaxValue : int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : 12;
var keep = Option("--keep");
if (Option("--render-only") is { } only)
{
    if (keep is null || DayPageRendering.All.FirstOrDefault(r => r.Name == only) is not { } chosen)
    {
        Console.Error.WriteLine($"eval: --render-only needs --keep DIR and one of {string.Join(", ", DayPageRendering.All.Select(r => r.Name))}");
        return 2;
    }
    chosen.Write(keep, WikipediaDays.Read(input, dayCount));
    return 0;
}
var root = keep ?? Path.Combine(Path.GetTempPath(), $"almanac-wikipedia-days-{Guid.NewGuid():N}");
try
{
    var days = WikipediaDays.Read(input, dayCount);
    Console.WriteLine($"{days.Count} days, {days.Sum(d => d.Entries.Count)} entries each rendering");
    foreach (var rendering in DayPageRendering.All)
    {
        var folder = Path.Combine(root, rendering.Name);
        rendering.Write(folder, days);
        var report = DayPageEvaluation.Run(folder);
        DayPageEvaluation.Write(Console.Out, "wikipedia-days " + rendering.Name, report, args.Contains("--errors"));
        Console.WriteLine();
    }
    return 0;
}
finally
{
    if (keep is null && Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}
