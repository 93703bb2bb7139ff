using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Related reading: books the sources name with their authors, written "Title by Author" or
/// "Title – Author" (a title-case title, an author of two to four capitalized words). A book
/// belongs to an event when its title shares a word with the event's title or people.
/// </summary>
internal static class Books
{
    private const string TitleWord = @"[A-Z][\p{L}\p{N}'’-]*";
    private const string SmallWord = @"(?:of|the|and|a|an|in|on|for|to|its|his|her|at|from|with)";

    private static readonly Regex Citation = new(
        $@"(?<title>{TitleWord}(?::? (?:{TitleWord}|{SmallWord}))+) (?:by|–|—|-) (?<author>[A-Z][\p{{L}}.'’-]+(?: [A-Z][\p{{L}}.'’-]+){{1,3}})",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public static IReadOnlyList<Reading> Named(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents,
        string title, IReadOnlyList<string> people)
    {
        var eventWords = Words.Keywords(title).Concat(people.SelectMany(p => Words.Keywords(p))).ToHashSet(StringComparer.Ordinal);
        var books = new List<Reading>();
        foreach (var documentId in mentions.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal))
        {
            if (!documents.TryGetValue(documentId, out var document))
                continue;
            foreach (var book in CitedIn(document))
                if (Words.Keywords(book.Title).Any(eventWords.Contains)
                    && !books.Any(b => Titles.Fold(b.Title) == Titles.Fold(book.Title)))
                    books.Add(book);
        }
        return books;
    }

    // Every event of a document asks for its books; read each document once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceDocument, IReadOnlyList<Reading>> Cited = [];

    private static IReadOnlyList<Reading> CitedIn(SourceDocument document) => Cited.GetValue(document, d => In(d.Text, d.Id).ToList());

    /// <summary>Every "Title by Author" citation of a text whose author reads as a person's name.</summary>
    public static IEnumerable<Reading> In(string text, string documentId)
    {
        foreach (var line in text.Split('\n'))
            foreach (Match match in Citation.Matches(line))
            {
                var title = TrimLeadingSmallWords(match.Groups["title"].Value);
                var author = match.Groups["author"].Value.TrimEnd('.', '’', '\'');
                if (Words.Count(title) >= 2 && PersonNames.IsName(author))
                    yield return new Reading(title, author, documentId);
            }
    }

    private static string TrimLeadingSmallWords(string title)
    {
        var words = title.Split(' ');
        var skip = words.TakeWhile(w => w.Length > 0 && char.IsLower(w[0])).Count();
        return string.Join(' ', words.Skip(skip));
    }
}
