using System.Security.Cryptography;
using System.Text;
using Almanac.Core;
using Almanac.Events;
using Almanac.Storage;

namespace Almanac.Ingest;

/// <summary>What an import of calendar files did: files read, entries seen, events made, and why the rest could not be dated.</summary>
public sealed record CalendarImportReport(int Files, int SkippedFiles, int Entries, int Dated, IReadOnlyDictionary<string, int> Undated, IReadOnlyList<IngestFailure> Failures)
{
    public int UndatedCount => Undated.Values.Sum();
}

/// <summary>
/// Imports BSD calendar files as sources: each file is a document (identified by the hash of its
/// bytes, so a second import adds nothing), each entry with a year a day-precision mention; then
/// each file is resolved into the events it touches, so calendar lines merge with documents like any other source.
/// </summary>
public sealed class CalendarImport(IAlmanacStore store)
{
    /// <summary>Where Debian's `calendar` package installs its files.</summary>
    public const string DefaultFolder = "/usr/share/calendar";

    /// <summary>Calendar files are small; a larger file is not one.</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Imports every calendar file under <paramref name="folder"/>, or only those named in <paramref name="onlyFiles"/>.</summary>
    public CalendarImportReport Import(string folder, IReadOnlySet<string>? onlyFiles = null)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"no calendar folder at {folder}");
        var failures = new List<IngestFailure>();
        var undated = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (files, skipped, entries, dated) = (0, 0, 0, 0);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).StartsWith('.') || (onlyFiles is not null && !onlyFiles.Contains(Path.GetFileName(path))))
                continue;
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                failures.Add(new IngestFailure(path, $"larger than {MaxFileBytes} bytes"));
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().Contains((byte)0))
            {
                failures.Add(new IngestFailure(path, "binary, not a calendar file"));
                continue;
            }
            var id = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var text = new UTF8Encoding(false, false).GetString(bytes);
            var (parsed, _) = CalendarFiles.Parse(text);
            var readings = parsed.Select(CalendarFiles.Read).ToList();
            entries += readings.Count;
            foreach (var reason in readings.Where(r => r.Undated is not null).Select(r => Category(r.Undated!)))
                undated[reason] = undated.GetValueOrDefault(reason) + 1;
            dated += readings.Count(r => r.Date is not null);
            if (store.ContainsDocument(id))
            {
                skipped++;
                continue;
            }
            var lineStarts = LineStarts(text);
            var mentions = readings.Where(r => r.Date is not null)
                .Select(r => MentionExtractor.FromDatedLine(id, KindOf(r.Entry.Text), r.Date!.Value,
                    $"{r.Entry.DateField} {r.YearText}", r.Entry.Text, lineStarts[r.Entry.Line - 1]))
                .ToList();
            if (store.AddDocument(new SourceDocument(id, path, Path.GetFileName(path), text, bytes.Length), mentions, shingles: CopyDetector.ShingleHashes(text)))
                files++;
            else
                skipped++;
        }
        if (files > 0)
            new Ingestor(store).ResolveWaiting();
        return new CalendarImportReport(files, skipped, entries, dated, undated, failures);
    }

    /// <summary>The reason without its example: "moving date (Easter+2)" counts as "moving date".</summary>
    private static string Category(string reason)
    {
        var paren = reason.IndexOf(" (", StringComparison.Ordinal);
        return paren < 0 ? reason.StartsWith("no such day", StringComparison.Ordinal) ? "no such day" : reason : reason[..paren];
    }

    private static MentionKind KindOf(string text)
    {
        var words = text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        return words.Contains("born") ? MentionKind.Birth : words.Contains("dies") || words.Contains("died") ? MentionKind.Death : MentionKind.Event;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n')
                starts.Add(i + 1);
        return starts;
    }
}
