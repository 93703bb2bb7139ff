using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>When a person was born or died, and the event that says so (null when only another entry's "(d. 1971)" does).</summary>
public sealed record LifeDate(HistoricalDate Date, string? EventId);

/// <summary>A person as the sources show them: birth and death where they give them, their events in order, the documents, a picture.</summary>
public sealed record PersonProfile(string Name, LifeDate? Born, LifeDate? Died, IReadOnlyList<HistoricalEvent> Events, IReadOnlyList<string> DocumentIds, Picture? Picture);

/// <summary>
/// A person's page, built on their <see cref="Timeline"/>. Their birth is a Births entry that starts with their name
/// ("Nikita Khrushchev, Soviet politician (d. 1971)") or a line whose subject they are and whose verb is a birth
/// ("Khrushchev is born in Kalinovka"); their death likewise (a Deaths entry, "dies", "is assassinated"…). A birth entry's
/// "(d. 1971)" and a death entry's "(b. 1894)" give the other year when no event does.
/// </summary>
public static class People
{
    /// <summary>How many of the events a name's search finds are looked at for a person's timeline and page.</summary>
    public const int MaxCandidates = 1000;

    private static readonly string[] BirthVerbs = ["is born", "was born", "born"];
    private static readonly string[] DeathVerbs = ["dies", "died", "is killed", "was killed", "is assassinated", "was assassinated", "is executed", "was executed", "is murdered", "was murdered"];

    private static readonly Regex LifeYearNote = new(@"\((?<which>b|d|born|died)\.?\s+(?:c\.\s*)?(?<year>\d{1,4})(?<bc>\s*BC)?\)",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The profile of the person whose name contains every word of <paramref name="name"/>, or null when no event names them.</summary>
    public static PersonProfile? Of(IEnumerable<HistoricalEvent> candidates, string name)
    {
        var events = Timeline.Of(candidates, name);
        if (events.Count == 0)
            return null;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The full name the sources use most for them: "Khrushchev" is "Nikita Khrushchev".
        var full = events.SelectMany(e => e.People).Where(p => words.All(w => p.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var subject = Subject(full);
        var born = Life(events, MentionKind.Birth, BirthVerbs, subject) ?? NotedYear(events, MentionKind.Death, subject, "b", "born");
        var died = Life(events, MentionKind.Death, DeathVerbs, subject) ?? NotedYear(events, MentionKind.Birth, subject, "d", "died");
        var about = events.Where(e => subject.IsMatch(e.Text)).ToList();
        var picture = about.Concat(events).Select(e => e.Picture).FirstOrDefault(p => p is not null);
        var documents = events.SelectMany(e => e.DocumentIds).Distinct(StringComparer.Ordinal).ToList();
        return new PersonProfile(full, born, died, events, documents, picture);
    }

    /// <summary>A line whose subject is the person: their full name or surname first, with an aside after it allowed.</summary>
    private static Regex Subject(string full)
    {
        var surname = full.Split(' ')[^1];
        return new Regex($@"^\W*(?:{Regex.Escape(full)}|{Regex.Escape(surname)})\b(?<rest>.*)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static LifeDate? Life(IReadOnlyList<HistoricalEvent> events, MentionKind kind, string[] verbs, Regex subject)
    {
        foreach (var e in events)
        {
            if (subject.Match(e.Text) is not { Success: true } match)
                continue;
            if (e.Kind == kind || StartsWithVerb(match.Groups["rest"].Value, verbs))
                return new LifeDate(e.Date, e.Id);
        }
        return null;
    }

    /// <summary>"dies in Moscow" or ", Soviet leader, dies": a verb right after the name, or after one aside set off by commas.</summary>
    private static bool StartsWithVerb(string rest, string[] verbs)
    {
        var text = rest.TrimStart();
        if (text.StartsWith(',') && text.IndexOf(',', 1) is var close and > 0 && close < 80)
            text = text[(close + 1)..].TrimStart();
        return verbs.Any(v => text.StartsWith(v + " ", StringComparison.OrdinalIgnoreCase) || text.Equals(v, StringComparison.OrdinalIgnoreCase)
            || text.StartsWith(v + ",", StringComparison.OrdinalIgnoreCase) || text.StartsWith(v + ".", StringComparison.OrdinalIgnoreCase));
    }

    private static LifeDate? NotedYear(IReadOnlyList<HistoricalEvent> events, MentionKind kind, Regex subject, params string[] notes)
    {
        foreach (var e in events.Where(e => e.Kind == kind && subject.IsMatch(e.Text)))
            foreach (var note in e.Mentions.Select(m => m.Sentence).Prepend(e.Text).SelectMany(t => LifeYearNote.Matches(t)))
                if (notes.Contains(note.Groups["which"].Value.ToLowerInvariant())
                    && int.TryParse(note.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 0)
                    return new LifeDate(HistoricalDate.InYear(note.Groups["bc"].Success ? 1 - year : year), null);
        return null;
    }
}
