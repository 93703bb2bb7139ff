using System.CommandLine;
using Almanac.Core;
using Almanac.Events;

namespace Almanac.Cli.Commands;

public static class SourcesCommand
{
    private const int PassageChars = 160;

    public static Command Create(CliEnvironment environment)
    {
        var json = CliOptions.Json();
        var command = new Command("sources", "The stored documents by lineage: documents that copy one another, and the passages they share.") { json };
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var documents = store.GetDocuments();
            var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            var lineages = CopyDetector.Detect(documents);
            var failed = store.GetFailedDocuments().ToDictionary(f => f.Id, f => f.Reason, StringComparer.Ordinal);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, lineages.Select(l => new
                {
                    lineage = l.Id,
                    documents = l.DocumentIds.Select(id => new { id, title = byId[id].Title, path = byId[id].Path, failure = failed.GetValueOrDefault(id) }).ToList(),
                    passages = l.Passages.Select(p => new { document = p.DocumentId, other = p.OtherDocumentId, p.Words, p.Text }).ToList(),
                }).ToList());
                return 0;
            }
            environment.Out.WriteLine($"{documents.Count} documents in {lineages.Count} independent lineages"
                + (failed.Count > 0 ? $"; {failed.Count} failed analysis (`almanac reindex` retries them)." : "."));
            foreach (var lineage in lineages)
            {
                environment.Out.WriteLine();
                environment.Out.WriteLine($"lineage {lineage.Id[..Math.Min(12, lineage.Id.Length)]} ({lineage.DocumentIds.Count} document{(lineage.DocumentIds.Count == 1 ? "" : "s")})");
                foreach (var id in lineage.DocumentIds)
                    environment.Out.WriteLine($"  {byId[id].Title}  ({byId[id].Path})"
                        + (failed.TryGetValue(id, out var reason) ? $"\n    FAILED ANALYSIS, left out of events: {reason}" : ""));
                if (lineage.Passages.Count == 0)
                    continue;
                environment.Out.WriteLine($"  shares {lineage.Passages.Count} passages, {lineage.Passages.Sum(p => p.Words)} words:");
                foreach (var passage in lineage.Passages.OrderByDescending(p => p.Words).Take(5))
                    environment.Out.WriteLine($"    {passage.Words} words: \"{OneLine(passage.Text)}\"");
            }
            return 0;
        });
        return command;
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return TextCut.AtWord(flat, PassageChars);
    }
}
