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

    /// <summary>Entries of holiday calendars kept as the day's holidays every year: on a fixed day, or by a rule (Easter-2, 05/MonLast).</summary>
    public int Holidays { get; init; }
}

/// <summary>
/// Imports BSD calendar files as sources: each file is a document (identified by the hash of its
/// bytes, so a second import adds nothing), each entry with a year a day-precision mention; then
/// each file is resolved into the events it touches, so calendar lines merge with documents like any other source.
/// A holiday calendar (a file whose entries mostly have no year: calendar.holiday, calendar.christian…) gives its
/// yearless entries as the holidays of their day (<see cref="Observance"/>) and its moving ones by their rule
/// (<see cref="MovingObservance"/>: Easter-2, 05/MonLast); in the other files a yearless line is a fragment of history
/// whose year is unknown, not a holiday, and stays undated.
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
        var (files, skipped, entries, dated, holidays) = (0, 0, 0, 0, 0);
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
            var (fixedHolidays, movingHolidays, holidayLines) = Holidays(id, readings);
            holidays += holidayLines.Count;
            foreach (var reason in readings.Where(r => r.Undated is not null && !holidayLines.Contains(r.Entry.Line)).Select(r => Category(r.Undated!)))
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
            var document = new SourceDocument(id, path, Path.GetFileName(path), text, bytes.Length)
            {
                Observances = fixedHolidays,
                MovingObservances = movingHolidays,
            };
            if (store.AddDocument(document, mentions))
                files++;
            else
                skipped++;
        }
        if (files > 0)
            new Ingestor(store).ResolveWaiting();
        return new CalendarImportReport(files, skipped, entries, dated, undated, failures) { Holidays = holidays };
    }

    /// <summary>A file most of whose entries have no year lists what recurs (holidays, feasts), not what happened once.</summary>
    private static bool IsHolidayCalendar(IReadOnlyList<CalendarReading> readings) =>
        readings.Count(r => r.Date is null && !r.Undated!.StartsWith("no such day", StringComparison.Ordinal)) * 2 > readings.Count;

    /// <summary>
    /// The yearless entries of a holiday calendar (none of another file): on a fixed day, or by a rule the calendar computes each year. A day
    /// marked '*' without a rule (an equinox, a feast of another calendar) moves by a rule the file does not give, so it is left out.
    /// </summary>
    private static (IReadOnlyList<Observance> Fixed, IReadOnlyList<MovingObservance> Moving, IReadOnlySet<int> Lines) Holidays(
        string documentId, IReadOnlyList<CalendarReading> readings)
    {
        var (fixedDays, moving, lines) = (new List<Observance>(), new List<MovingObservance>(), new HashSet<int>());
        if (!IsHolidayCalendar(readings))
            return (fixedDays, moving, lines);
        foreach (var reading in readings.Where(r => r.Date is null))
        {
            var name = TextCut.AtWord(reading.Entry.Text, MentionExtractor.MaxObservanceChars);
            if (HolidayRule.Parse(reading.Entry.DateField) is { } rule)
                moving.Add(new MovingObservance(documentId, rule.Text, name));
            else if (!reading.Entry.DateField.Contains('*') && CalendarFiles.MonthDay(reading.Entry.DateField) is var (month, day)
                     && (month, day) is not (2, 30 or 31) and not (4 or 6 or 9 or 11, 31))
                fixedDays.Add(new Observance(documentId, new NodaTime.AnnualDate(month, day), name));
            else
                continue;
            lines.Add(reading.Entry.Line);
        }
        return (fixedDays, moving, lines);
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
