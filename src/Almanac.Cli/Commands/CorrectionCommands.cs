using System.CommandLine;
using Almanac.Core;
using Almanac.Storage;

namespace Almanac.Cli.Commands;

/// <summary>
/// `hide`, `correct`, `corrections` and `undo`: an editor's corrections of events the machine got wrong, kept as an audited
/// layer over its result (who, when, why; undone ones stay in the history) that every page, feed and API honours.
/// </summary>
public static class CorrectionCommands
{
    public sealed record CorrectionView(
        long Id, string EventId, string TitleThen, string Action, string Change, string Reason, string Editor, DateTimeOffset At,
        string? AppliedTo, DateTimeOffset? UndoneAt, string? UndoneBy)
    {
        public static CorrectionView Of(Correction c) => new(
            c.Id, c.Request.EventId, c.TitleThen, c.Request.Action.ToString().ToLowerInvariant(), EditorialLayer.Describe(c.Request),
            c.Request.Reason, c.Request.Editor, c.Request.At, c.AppliedTo, c.UndoneAt, c.UndoneBy);
    }

    private static Argument<string> EventArgument() => new("EVENT") { Description = "The event's id (shown by `event`, `search` and `day --json`)." };

    private static Option<string> Reason() => new("--reason") { Description = "Why: kept with the correction and shown on the event page.", Required = true };

    /// <summary>Who makes the change: --editor, else the operating system's user.</summary>
    private static Option<string> Editor() => new("--editor")
    {
        Description = "Who makes the change (default: the operating system's user name).",
        DefaultValueFactory = _ => Environment.UserName,
    };

    public static IEnumerable<Command> Create(CliEnvironment environment) =>
        [Hide(environment), Correct(environment), List(environment), Undo(environment)];

    private static Command Hide(CliEnvironment environment)
    {
        var id = EventArgument();
        var (reason, editor) = (Reason(), Editor());
        var command = new Command("hide", "Hide an event from every page, feed, API, export and `day`; `undo` brings it back.") { id, reason, editor };
        command.SetGuardedAction(environment, parse => Add(environment, parse,
            new CorrectionRequest(parse.GetValue(id)!, CorrectionAction.Hide, parse.GetValue(reason)!, parse.GetValue(editor)!, environment.Clock.GetUtcNow())));
        return command;
    }

    private static Command Correct(CliEnvironment environment)
    {
        var id = EventArgument();
        var (reason, editor) = (Reason(), Editor());
        var date = new Option<string?>("--date") { Description = "The right date as a TIMEX3 value: 1956-02-25, 1956-02, 1956, BC0044-03-15." };
        var title = new Option<string?>("--title") { Description = "The right headline: the event's title and its on-this-day line." };
        var kind = new Option<MentionKind?>("--kind") { Description = "The right kind: event, birth, death or holiday." };
        var command = new Command("correct", "Correct an event's date, title or kind everywhere it is shown; the machine's original stays on the event page.")
        {
            id, date, title, kind, reason, editor,
        };
        command.SetGuardedAction(environment, parse =>
        {
            HistoricalDate? corrected = null;
            if (parse.GetValue(date) is { } text)
                corrected = HistoricalDate.TryParseTimex(text.Trim(), out var parsed)
                    ? parsed
                    : throw new CliFailure($"--date '{text}' is not a date; write a TIMEX3 value such as 1956-02-25, 1956-02 or 1956");
            return Add(environment, parse, new CorrectionRequest(parse.GetValue(id)!, CorrectionAction.Correct, parse.GetValue(reason)!,
                parse.GetValue(editor)!, environment.Clock.GetUtcNow(), parse.GetValue(title)?.Trim(), corrected, parse.GetValue(kind)));
        });
        return command;
    }

    private static int Add(CliEnvironment environment, ParseResult parse, CorrectionRequest request)
    {
        if (EditorialLayer.Problem(request) is { } problem)
            throw new CliFailure(problem);
        using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
        var added = store.AddCorrection(request) ?? throw new CliFailure($"no event has the id '{request.EventId}'; find it with `almanac search` or `almanac event`");
        environment.Out.WriteLine($"correction {added.Id}: {request.Editor} {EditorialLayer.Describe(request)} of “{added.TitleThen}” (event {request.EventId}); `almanac undo {added.Id}` takes it back.");
        return 0;
    }

    private static Command List(CliEnvironment environment)
    {
        var id = new Argument<string?>("EVENT") { Description = "Only the corrections made on or applied to this event.", Arity = ArgumentArity.ZeroOrOne };
        var json = CliOptions.Json();
        var command = new Command("corrections", "The editor's corrections, oldest first, undone ones too: who, when, why, and the event each applies to now.") { id, json };
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var views = store.GetCorrections(parse.GetValue(id)).Select(CorrectionView.Of).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(environment.Out, views);
                return 0;
            }
            if (views.Count == 0)
                environment.Out.WriteLine("No corrections.");
            foreach (var c in views)
            {
                var state = c.UndoneAt is { } undone ? $"undone by {c.UndoneBy} {undone:yyyy-MM-dd HH:mm}Z"
                    : c.AppliedTo is { } target ? $"applies to event {target}"
                    : "waiting: no event holds most of its mentions now";
                environment.Out.WriteLine($"{c.Id}\t{c.At:yyyy-MM-dd HH:mm}Z\t{c.Editor}\t{c.Change} of “{c.TitleThen}” (event {c.EventId}): {c.Reason}\t[{state}]");
            }
            return 0;
        });
        return command;
    }

    private static Command Undo(CliEnvironment environment)
    {
        var id = new Argument<long>("CORRECTION") { Description = "The correction's number (from `corrections`)." };
        var editor = Editor();
        var command = new Command("undo", "Undo a correction: the event shows as the machine (and any other correction) has it; the correction stays in the history.") { id, editor };
        command.SetGuardedAction(environment, parse =>
        {
            using var store = StoreLocation.Open(parse.GetValue(CliOptions.Database));
            var number = parse.GetValue(id);
            if (!store.UndoCorrection(number, parse.GetValue(editor)!, environment.Clock.GetUtcNow()))
                throw new CliFailure($"there is no correction {number} to undo (see `almanac corrections`)");
            environment.Out.WriteLine($"correction {number} undone.");
            return 0;
        });
        return command;
    }
}
