using System.CommandLine;
using Almanac.Ingest;
using Almanac.Storage.Postgres;
using Almanac.Text;
using Spectre.Console;

namespace Almanac.Cli.Commands;

public static class IngestCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders or http(s) addresses of documents: .txt, .html/.htm, .md, .pdf, .docx, .epub and on-this-day feed .json.", Arity = ArgumentArity.ZeroOrMore };
        var urls = new Option<string?>("--urls") { Description = "A file of web addresses to fetch and read, one a line (# starts a comment), or a saved sitemap.xml." };
        var queue = new Option<bool>("--queue") { Description = "Put the documents (files, and web pages fetched now) on the PostgreSQL ingest queue for `almanac worker` instead of reading them here." };
        var command = new Command("ingest", "Read documents (files, folders, web addresses), find their dated events and store them.") { paths, urls, queue };
        command.SetGuardedAction(environment, parse =>
        {
            var (addresses, local) = Sources(parse.GetValue(paths) ?? [], parse.GetValue(urls));
            // An HTTP client only when there is something to fetch: setting one up (System.Net.Http, the code pages) is start-up a local ingest does not need.
            using var fetcher = addresses.Count > 0 ? new WebFetcher() : null;
            FileSelection Files() => fetcher is null ? DocumentFiles.Find(local) : DocumentFiles.Find(local).WithPages(addresses, fetcher);
            if (parse.GetValue(queue))
                return Enqueue(environment, parse.GetValue(CliOptions.Database), Files());
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var ingestor = new Ingestor(store);
            var files = Files();
            IngestSummary summary;
            if (environment.IsTerminal && files.Files.Count > 1)
            {
                summary = null!;
                AnsiConsole.Progress().Start(context =>
                {
                    var task = context.AddTask("Ingesting", maxValue: files.Files.Count);
                    summary = ingestor.Ingest(files, p => task.Value = p.Done);
                    task.Value = task.MaxValue;
                });
            }
            else
            {
                summary = ingestor.Ingest(files, progress: null);
            }
            foreach (var failure in summary.Failures.Concat(summary.FailedAnalyses))
                environment.Error.WriteLine($"almanac ingest: {failure.Path}: {failure.Reason}");
            environment.Out.WriteLine(
                $"{summary.Read} documents read, {summary.Skipped} skipped as already stored, {summary.Failures.Count} failed, {summary.EventsFound} events found.");
            foreach (var picture in summary.RefusedPictures)
                environment.Error.WriteLine($"almanac ingest: {picture.DocumentPath}: picture {picture.Source} not kept: {picture.Reason}");
            SanityOutput.Write(SanityGate.Check(store, summary), "ingest", environment);
            if (summary.FailedAnalyses.Count > 0)
                return ExitCodes.DocumentFailed;
            return summary.Failures.Count > 0 && summary.Read + summary.Skipped == 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>The web addresses among the arguments and in the --urls file (a list, or a saved sitemap), and the local paths.</summary>
    private static (List<string> Addresses, string[] Local) Sources(string[] arguments, string? urlFile)
    {
        var addresses = arguments.Where(WebFetcher.IsWebAddress).ToList();
        if (urlFile is not null)
            addresses.AddRange(AddressesIn(urlFile));
        var local = arguments.Where(a => !WebFetcher.IsWebAddress(a)).ToArray();
        if (addresses.Count == 0 && local.Length == 0)
            throw new CliFailure("nothing to read: name files, folders or web addresses, or --urls FILE");
        return (addresses, local);
    }

    /// <summary>A file of addresses one a line (# starts a comment), or a sitemap saved as a file: the pages and sitemaps it lists.</summary>
    private static IEnumerable<string> AddressesIn(string urlFile)
    {
        byte[] content;
        try
        {
            if (new FileInfo(urlFile).Length > DocumentReader.MaxBytes)
                throw new CliFailure($"{urlFile}: larger than the {DocumentReader.MaxBytes >> 20} MiB a file of web addresses may be");
            content = File.ReadAllBytes(urlFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliFailure($"{urlFile}: no such file of web addresses");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"{urlFile}: cannot read the file of web addresses: {e.Message}");
        }
        if (Sitemap.Read(content, DocumentReader.MaxBytes) is { } sitemap)
            return sitemap.Pages.Concat(sitemap.Sitemaps);
        return System.Text.Encoding.UTF8.GetString(content).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }

    private static int Enqueue(CliEnvironment environment, string? database, FileSelection files)
    {
        using var store = StoreLocation.OpenPostgres(database);
        var summary = DocumentQueueing.Enqueue(new PostgresDocumentQueue(store), files);
        foreach (var failure in summary.Failures)
            environment.Error.WriteLine($"almanac ingest: {failure.Path}: {failure.Reason}");
        environment.Out.WriteLine(
            $"{summary.Queued} documents queued, {summary.AlreadyQueued} already queued, {summary.AlreadyStored} already stored, {summary.Failures.Count} failed.");
        return summary.Failures.Count > 0 && summary.Queued + summary.AlreadyQueued + summary.AlreadyStored == 0 ? 1 : 0;
    }
}
