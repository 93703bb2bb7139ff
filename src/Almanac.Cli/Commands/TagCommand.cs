using System.CommandLine;
using System.Text;
using Almanac.Core;
using Almanac.Temporal;
using Almanac.Temporal.TimeMl;

namespace Almanac.Cli.Commands;

/// <summary>`almanac tag`: the temporal expressions of a text, or TimeML with our TIMEX3 tags inline.</summary>
public static class TagCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliEnvironment environment)
    {
        var input = new Argument<string>("FILE") { Description = "A text file, '-' for standard input, or with --timeml a .tml file or a folder of them." };
        var json = CliOptions.Json();
        var timeMl = new Option<bool>("--timeml") { Description = "Read TempEval-3 TimeML (answers inside <TEXT> removed) and write it with our TIMEX3 tags." };
        var output = new Option<string?>("--out") { Description = "With --timeml and a folder: the folder to write the tagged .tml files to." };
        var anchor = new Option<string?>("--anchor") { Description = "news (anchor on the document date) or narrative (on the last date stated); default: news for TimeML, narrative for text." };
        var date = new Option<string?>("--dct") { Description = "The document creation date (YYYY-MM-DD) for plain text." };
        var command = new Command("tag", "Find and normalize dates, times, durations and sets (TIMEX3).") { input, json, timeMl, output, anchor, date };
        command.SetGuardedAction(environment, parse =>
        {
            var path = parse.GetValue(input)!;
            var mode = ParseMode(parse.GetValue(anchor), parse.GetValue(timeMl) ? AnchorMode.News : AnchorMode.Narrative);
            if (parse.GetValue(timeMl))
                return TagTimeMl(environment, path, parse.GetValue(output), mode);
            var dct = parse.GetValue(date);
            HistoricalDate? documentDate = null;
            if (dct is not null)
                documentDate = HistoricalDate.TryParseTimex(dct, out var parsed) ? parsed : throw new CliFailure($"--dct '{dct}' is not a date (YYYY-MM-DD)");
            using var reader = path != "-" ? OpenFile(path) : environment.RawIn is { } rawIn ? OpenStream(rawIn) : null;
            var paragraphs = TemporalTagger.Default.TagParagraphs(reader ?? environment.In, new TaggingContext(documentDate, mode));
            using var written = new TimexOutput(environment.Out, environment.RawOut, parse.GetValue(json));
            foreach (var paragraph in paragraphs)
                written.Write(paragraph);
            return 0;
        });
        return command;
    }

    private static int TagTimeMl(CliEnvironment environment, string path, string? outDirectory, AnchorMode mode)
    {
        if (Directory.Exists(path))
        {
            if (outDirectory is null)
                throw new CliFailure($"{path} is a folder: give --out OUT_DIR for the tagged files");
            Directory.CreateDirectory(outDirectory);
            var files = Directory.GetFiles(path, "*.tml");
            if (files.Length == 0)
                throw new CliFailure($"no .tml files in {path}");
            // Documents share nothing (the tagger is thread-safe), so every core takes some.
            try
            {
                Parallel.ForEach(files, file =>
                    File.WriteAllBytes(Path.Combine(outDirectory, Path.GetFileName(file)), Utf8.GetBytes(TagDocument(file, mode))));
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<CliFailure>().FirstOrDefault() is { } failure)
            {
                throw failure;
            }
            environment.Error.WriteLine($"tagged {files.Length} documents into {outDirectory}");
            return 0;
        }
        var tagged = TagDocument(path, mode);
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            File.WriteAllBytes(Path.Combine(outDirectory, Path.GetFileName(path)), Utf8.GetBytes(tagged));
        }
        else
            environment.Out.Write(tagged);
        return 0;
    }

    private static string TagDocument(string file, AnchorMode mode)
    {
        // Decoding without dropping a byte-order mark keeps the output byte for byte the input.
        var raw = Utf8.GetString(File.ReadAllBytes(file));
        if (!TimeMlDocument.TryParse(raw, out var document, out var error))
            throw new CliFailure($"{file}: {error}");
        var timexes = TemporalTagger.Default.TagForTimeMl(document!.PlainText, new TaggingContext(document.CreationDate, mode));
        return document.WithTimexes(timexes);
    }

    /// <summary>A text file of any size, read as it is tagged (UTF-8, or as its byte-order mark says).</summary>
    private static StreamReader OpenFile(string path)
    {
        if (!File.Exists(path))
            throw new CliFailure($"{path}: no such file");
        return new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
    }

    /// <summary>Standard input read in large blocks, decoded as <see cref="OpenFile"/> decodes a file.</summary>
    private static StreamReader OpenStream(Stream input) =>
        new(input, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);

    internal static AnchorMode ParseMode(string? text, AnchorMode fallback) => text switch
    {
        null => fallback,
        "news" => AnchorMode.News,
        "narrative" => AnchorMode.Narrative,
        _ => throw new CliFailure($"--anchor '{text}' is neither 'news' nor 'narrative'"),
    };
}
