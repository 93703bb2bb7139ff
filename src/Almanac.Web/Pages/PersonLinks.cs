using Almanac.Web.Markup;

namespace Almanac.Web.Pages;

/// <summary>Event text with the people it names linked to their pages: each full name, and a surname the event's people share with no one else.</summary>
public static class PersonLinks
{
    public static HtmlString In(string text, IReadOnlyList<string> people)
    {
        var names = people.Select(p => (Written: p, Person: p))
            .Concat(people.GroupBy(p => p.Split(' ')[^1], StringComparer.Ordinal).Where(g => g.Count() == 1 && g.Key != g.Single()).Select(g => (Written: g.Key, Person: g.Single())))
            .Where(n => n.Written.Length > 2)
            .OrderByDescending(n => n.Written.Length)
            .ToList();
        var found = new List<(int Start, int Length, string Person)>();
        foreach (var (written, person) in names)
            for (var at = text.IndexOf(written, StringComparison.Ordinal); at >= 0; at = text.IndexOf(written, at + written.Length, StringComparison.Ordinal))
                if (IsWordAt(text, at, written.Length) && !found.Any(f => at < f.Start + f.Length && f.Start < at + written.Length))
                    found.Add((at, written.Length, person));
        var parts = new List<HtmlString>();
        var position = 0;
        foreach (var (start, length, person) in found.OrderBy(f => f.Start))
        {
            parts.Add(Html.Of($"{text[position..start]}<a href=\"{Urls.Person(person)}\">{text.Substring(start, length)}</a>"));
            position = start + length;
        }
        parts.Add(Html.Of($"{text[position..]}"));
        return Html.Join(parts, HtmlString.Empty);
    }

    private static bool IsWordAt(string text, int start, int length) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (start + length == text.Length || !char.IsLetterOrDigit(text[start + length]));
}
