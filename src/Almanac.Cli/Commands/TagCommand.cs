using System.CommandLine;
using System.Text;
using System.Text.Json.Serialization;
using Almanac.Core;
using Almanac.Temporal;
using Almanac.Temporal.TimeMl;
using Almanac.Text;

namespace Almanac.Cli.Commands;

/// <summary>`almanac tag`: the temporal expressions of a text, or TimeML with our TIMEX3 tags inline.</summary>
public static class TagCommand
{
    public sealed record TimexView(
        int Start,
        int End,
        string Text,
        string Type,
        string Value,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mod,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Quant);

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
            var text = path == "-" ? ReadStandardInput(environment.In) : ReadFile(path);
            var timexes = TemporalTagger.Default.Tag(text, new TaggingContext(documentDate, mode));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, timexes.Select(t => new TimexView(t.Start, t.End, t.Text, TypeName(t.Type), t.Value, t.Mod, t.Quant)).ToList());
                return 0;
            }
            foreach (var t in timexes)
                environment.Out.WriteLine($"{t.Start}\t{t.End}\t{TypeName(t.Type)}\t{t.Value}{(t.Mod is null ? "" : " " + t.Mod)}\t{t.Text.ReplaceLineEndings(" ")}");
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
            foreach (var file in files)
                File.WriteAllBytes(Path.Combine(outDirectory, Path.GetFileName(file)), Utf8.GetBytes(TagDocument(file, mode)));
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

    private static string ReadFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new CliFailure($"{path}: no such file");
        if (file.Length > DocumentReader.MaxBytes)
            throw new CliFailure($"{path}: larger than the {DocumentReader.MaxBytes / (1024 * 1024)} MiB limit");
        return File.ReadAllText(path);
    }

    /// <summary>Standard input up to the same limit as a file, read in blocks so a endless pipe cannot exhaust memory.</summary>
    private static string ReadStandardInput(TextReader input)
    {
        var text = new StringBuilder();
        var block = new char[81920];
        int read;
        while ((read = input.Read(block, 0, block.Length)) > 0)
        {
            text.Append(block, 0, read);
            if (text.Length > DocumentReader.MaxBytes)
                throw new CliFailure($"standard input: larger than the {DocumentReader.MaxBytes / (1024 * 1024)} MiB limit");
        }
        return text.ToString();
    }

    internal static AnchorMode ParseMode(string? text, AnchorMode fallback) => text switch
    {
        null => fallback,
        "news" => AnchorMode.News,
        "narrative" => AnchorMode.Narrative,
        _ => throw new CliFailure($"--anchor '{text}' is neither 'news' nor 'narrative'"),
    };

    private static string TypeName(TimexType type) => type.ToString().ToUpperInvariant();
}
