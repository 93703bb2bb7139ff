using System.CommandLine;
using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

public static class EventCommand
{
    private static string SearchText(HistoricalEvent e) =>
        string.Join('\n', [e.Title, e.Text, .. e.Summary.Select(s => s.Text), .. e.People]);

    public static Command Create(CliEnvironment environment)
    {
        var query = new Argument<string>("QUERY") { Description = "Words of the event, or its id." };
        var json = CliOptions.Json();
        var command = new Command("event", "The best matching event: date and conflicts, in short, people, sources.") { query, json };
        command.SetGuardedAction(environment, parse =>
        {
            var text = parse.GetValue(query)!;
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            // The store ranks the phrase in a title first ("Apollo 11" is not Apollo 1), then the phrase, then every word;
            // an event without the numbers asked for, or most of the words, is about something else.
            var found = store.GetEvent(text) ?? store.SearchEvents(text, 1).FirstOrDefault(e => SearchQuery.IsAbout(SearchText(e), text))
                ?? throw new CliFailure($"no event matches '{text}'");
            var view = EventViews.Event(store, found);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, view);
                return 0;
            }
            var output = environment.Out;
            output.WriteLine(view.Title);
            output.WriteLine($"Date: {view.Display}   id: {view.Id}");
            if (view.Editorial is { } editorial)
            {
                foreach (var c in editorial.Corrections)
                    output.WriteLine($"Corrected by the editor ({c.Editor}, {c.At:yyyy-MM-dd}): {c.Change}. Reason: {c.Reason}  (correction {c.Id})");
                output.WriteLine($"The machine had: {editorial.MachineOriginal}");
            }
            var conflicting = EventViews.ConflictingClaims(found);
            if (conflicting.Count > 1)
            {
                output.WriteLine("The sources disagree on the date:");
                foreach (var claim in view.Dates.Where(d => conflicting.Any(c => c.Value == d.Value)))
                    output.WriteLine($"  {claim.Display}  {claim.Sources.Count} source(s), {claim.Lineages} independent: {string.Join("; ", claim.Sources.Select(s => s.Title))}");
            }
            output.WriteLine();
            output.WriteLine("In short:");
            var sources = view.Sources.Select(s => s.Id).ToList();
            foreach (var sentence in view.InShort)
                output.WriteLine($"  {sentence.Text} [{sources.IndexOf(sentence.Source.Id) + 1}]");
            Section("Why it mattered:", view.Why);
            Section("What it was:", view.Content);
            if (view.Aftermath.Count > 0)
            {
                output.WriteLine("Aftermath:");
                foreach (var later in view.Aftermath)
                    output.WriteLine($"  {DateDisplay.OfTimexValue(later.DateValue)}  {later.Title}  (event {later.Id})");
            }
            if (view.People.Count > 0)
                output.WriteLine($"People: {string.Join(", ", view.People)}");
            if (view.RelatedReading.Count > 0)
            {
                output.WriteLine("Related reading:");
                foreach (var book in view.RelatedReading)
                    output.WriteLine($"  {book.Title}, by {book.Author} [{sources.IndexOf(book.DocumentId) + 1}]");
            }
            output.WriteLine($"Significance: {view.Significance}");
            output.WriteLine("Sources:");
            for (var i = 0; i < view.Sources.Count; i++)
                output.WriteLine($"  [{i + 1}] {view.Sources[i].Title} ({view.Sources[i].Path})");
            return 0;

            void Section(string heading, IReadOnlyList<EventViews.CitedView> sentences)
            {
                if (sentences.Count == 0)
                    return;
                output.WriteLine(heading);
                foreach (var sentence in sentences)
                    output.WriteLine($"  {sentence.Text} [{sources.IndexOf(sentence.Source.Id) + 1}]");
            }
        });
        return command;
    }
}
