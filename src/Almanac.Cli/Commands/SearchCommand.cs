using System.CommandLine;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

public static class SearchCommand
{
    public sealed record SearchView(string Query, IReadOnlyList<EventViews.DayEventView> Events, IReadOnlyList<DocumentView> Documents);

    public sealed record DocumentView(EventViews.SourceView Source, string Excerpt);

    public static Command Create(CliEnvironment environment)
    {
        var query = new Argument<string>("QUERY") { Description = "Words to find in events and documents." };
        var limit = new Option<int>("--limit") { Description = "At most this many results of each kind.", DefaultValueFactory = _ => 10 };
        var json = CliOptions.Json();
        var command = new Command("search", "Full-text search over events and documents.") { query, limit, json };
        command.SetGuardedAction(environment, parse =>
        {
            var text = parse.GetValue(query)!;
            if (text.Length > SearchQuery.MaxLength)
                throw new CliFailure($"the query is {text.Length} characters long; at most {SearchQuery.MaxLength} are allowed");
            var max = Math.Clamp(parse.GetValue(limit), 1, 200);
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var events = store.SearchEvents(text, max)
                .Select(e => EventViews.Found(store, e))
                .ToList();
            var documents = store.SearchDocuments(text, max)
                .Select(h => new DocumentView(new EventViews.SourceView(h.Document.Id, h.Document.Title, h.Document.Path), h.Excerpt))
                .ToList();
            var view = new SearchView(text, events, documents);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, view);
                return 0;
            }
            environment.Out.WriteLine($"Events ({events.Count}):");
            foreach (var e in events)
                environment.Out.WriteLine($"  {e.Display}\t{e.Title}\t(id {e.Id})");
            environment.Out.WriteLine($"Documents ({documents.Count}):");
            foreach (var d in documents)
                environment.Out.WriteLine($"  {d.Source.Title} ({d.Source.Path}): {d.Excerpt.ReplaceLineEndings(" ")}");
            return 0;
        });
        return command;
    }
}
