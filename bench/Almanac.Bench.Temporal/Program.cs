// Temporal tagger throughput on one core, in MB of document text per second, over a TimeML corpus.
// Usage: dotnet run -c Release --project bench/Almanac.Bench.Temporal -- [CORPUS_DIR] [SECONDS]
// Single-threaded on purpose: the figure is per core, and the tagger shares nothing between calls.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almanac.Temporal;
using Almanac.Temporal.TimeMl;

var corpus = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "corpora", "timebank");
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var files = Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.tml") : [];
if (files.Length == 0)
{
    Console.Error.WriteLine($"bench: no .tml files in '{corpus}'");
    return 1;
}
var documents = files.Select(f => TimeMlDocument.TryParse(File.ReadAllText(f), out var d, out _) ? d! : throw new InvalidDataException(f)).ToArray();
var megabytes = documents.Sum(d => Encoding.UTF8.GetByteCount(d.PlainText)) / 1_000_000.0;
var tagger = TemporalTagger.Default;
Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "corpus {0}: {1} documents, {2:F2} MB of text", corpus, documents.Length, megabytes));

Measure("tag only", () =>
{
    foreach (var d in documents)
        tagger.Tag(d.PlainText, new TaggingContext(d.CreationDate, AnchorMode.News));
});
Measure("tag + write TimeML", () =>
{
    foreach (var d in documents)
        d.WithTimexes(tagger.TagForTimeMl(d.PlainText, new TaggingContext(d.CreationDate, AnchorMode.News)));
});
return 0;

void Measure(string name, Action pass)
{
    // Warm-up: JIT tiers and regex compilation are start-up cost, not throughput.
    for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 1.5;)
        pass();
    var passes = 0;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        pass();
        passes++;
    }
    process.Refresh();
    // CPU time, not wall time: on a shared machine the wall clock also counts other people's work.
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-20} {1,8:F1} MB/s/core  ({2} passes, {3:F1} s CPU, {4:F1} s wall)",
        name, megabytes * passes / cpu, passes, cpu, clock.Elapsed.TotalSeconds));
}
