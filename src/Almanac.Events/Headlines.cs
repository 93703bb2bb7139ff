using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// The on-this-day line of an event: one self-contained sentence of at most <see cref="MaxWords"/>
/// words that names its subject and leaves out the date it is listed under ("Pompey met Caesar in
/// pitched battle at Pharsalus"). Built from the clause that dates the event: its date phrase,
/// asides in brackets or dashes and linking words at its start go; a pronoun at its start becomes
/// the subject of the sentence before it, or the person the document's title names; a long line is
/// cut at a clause boundary; its verb is put in the present, as an almanac writes
/// (<see cref="PresentTense"/>). The full source sentence stays on the event page, cited.
/// </summary>
internal static class Headlines
{
    public const int MaxWords = 20;

    /// <summary>How many of an event's mentions are tried for a headline; the best-dated come first.</summary>
    private const int MaxCandidates = 12;

    /// <summary>Twenty words of ordinary length fit; a token longer than that (a hostile document's) is cut.</summary>
    private const int MaxChars = 200;

    private const int MinClauseWords = 4;
    private const int MaxSubjectWords = 6;

    /// <summary>How far back a pronoun's antecedent is looked for, in characters.</summary>
    private const int AntecedentWindow = 1500;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    // "(the reason why … is unclear)", "[17]": asides and citation marks a headline does without.
    private static readonly Regex Bracketed = new(@"\s*(\([^()]*\)|\[[^\[\]]*\])", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);

    // "a crowd – overwhelmingly soldiers – assembled": a paired-dash aside.
    private static readonly Regex DashAside = new(@"\s+[–—]\s[^–—]{1,120}\s[–—]\s+", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeout);

    // Where a long sentence can end early and still say what happened.
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "of", "in", "at", "on", "for", "to", "with", "from", "by", "and", "or", "as", "into", "after", "before", "during",
    };

    private static readonly string[] ClauseBreaks = [", ", "; ", " – ", " — ", ": "];

    /// <summary>The headline of an event: the first of its mentions' lines that passes every check, else the one with fewest faults.</summary>
    public static string Of(IReadOnlyList<EventMention> mentions, IReadOnlyDictionary<string, SourceDocument> documents, DateClaim best)
    {
        var candidates = mentions
            .OrderByDescending(m => m.DateValue == best.Value)
            .ThenByDescending(m => m.Date.Precision)
            .ThenBy(m => m.IsTopic)
            .ThenBy(m => m.DocumentId, StringComparer.Ordinal)
            .ThenBy(m => m.SentenceStart)
            .Take(MaxCandidates)
            .Select(m => (Headline: From(m, documents.GetValueOrDefault(m.DocumentId)), m.Sentence))
            .ToList();
        // Most events have one mention: nothing to weigh its headline against.
        if (candidates.Count == 1)
            return candidates[0].Headline;
        return candidates
            .OrderBy(c => HeadlineChecks.Faults(c.Headline).Count)
            .ThenBy(c => InWritersVoice(c.Headline) || InWritersVoice(c.Sentence))
            .Select(c => c.Headline)
            .First();
    }

    // Case matters: "US" is a country and "I" a numeral after a name ("World War I").
    private static readonly HashSet<string> WriterAndReader = new(StringComparer.Ordinal)
    {
        "me", "my", "My", "we", "We", "us", "our", "Our", "you", "You", "your", "Your",
    };

    /// <summary>
    /// "On this episode we discuss …": a line in which the writer or the reader speaks tells of the text, not of the
    /// happening, and so does the headline made from it, even when the speaking words are cut.
    /// </summary>
    private static bool InWritersVoice(string line)
    {
        var words = Words.Split(line);
        return words.Select((w, i) => WriterAndReader.Contains(w.Text) || (w.Text == "I" && (i == 0 || !words[i - 1].IsCapitalized))).Any(speaks => speaks);
    }

    /// <summary>The headline one mention gives.</summary>
    public static string From(EventMention mention, SourceDocument? document)
    {
        var clause = Flat(mention.Clause);
        var sentence = Flat(mention.Sentence);
        var clauseWords = Words.Split(clause);
        var source = clauseWords.Count >= MinClauseWords && HeadlineChecks.HasVerb(clauseWords) && !LacksSubject(clauseWords, sentence) ? clause : sentence;
        source = mention.IsTopic ? EventPart(source, mention.DateText) : WithUntilAsIn(source, mention.DateText);
        var dateAt = source.IndexOf(mention.DateText, StringComparison.Ordinal);
        // "…, 12 April 1610 was declared …": a date that is the subject of its verb stays; "ruled until 1953", "Not until 1989
        // was …" say something else without theirs.
        var keepsDate = IsSubject(source, dateAt, mention.DateText) || FollowsUntil(source, dateAt);
        // The clause that holds the date is what the headline must keep when a long sentence is cut: up to its date
        // phrase, or through the date when that stays.
        var wordsBeforeDate = dateAt < 0 ? 0
            : keepsDate ? Words.Count(source, 0, dateAt + mention.DateText.Length)
            : Math.Max(0, Words.Count(source, 0, dateAt) - 1);
        // "wounded by a clerk on 5 May 1870, as he …": the clause ends where the date does, and the date's comma goes with it.
        // A date between commas (", on 28 July 1914, war was declared") opens its clause instead.
        var dateEndsClause = dateAt >= 0 && source.AsSpan(dateAt + mention.DateText.Length).StartsWith(", ", StringComparison.Ordinal)
            && !OpensClause(source, dateAt);
        var text = keepsDate ? source : Titles.WithoutDate(source, mention, anywhere: true);
        text = WithoutAsides(text);
        // The opening's edits move the words before the date: "He did not object …" named is one word longer.
        var openingWords = Words.Count(text);
        text = WithSubject(WithoutLeadingConnectives(text), mention, document);
        wordsBeforeDate = Math.Max(0, wordsBeforeDate + Words.Count(text) - openingWords);
        text = Shortened(text, wordsBeforeDate, dateEndsClause);
        text = WithoutDanglingEnd(Titles.Shorten(text.Trim(' ', ',', ';', ':', '.', '–', '—', '-'), MaxChars));
        return text.Length == 0 ? text : PresentTense.Of(char.ToUpperInvariant(text[0]) + text[1..], IsTitle(sentence));
    }

    /// <summary>
    /// Of a title in parts, the part that tells the event: the one with the date when it says more than the date
    /// ("Chinese Winter Offensive (early 1951)"), else the longest of the others, the site's name being short
    /// ("Napoleon crowned emperor | December 2, 1804 | HISTORY"). A date that spans a separator ("July 1951 - July
    /// 1953") leaves the title whole.
    /// </summary>
    private static string EventPart(string title, string dateText)
    {
        var parts = HeadingParts.Of(title);
        if (parts.Count < 2 || parts.FirstOrDefault(p => p.Contains(dateText, StringComparison.Ordinal)) is not { } dated)
            return title;
        if (Words.Count(dated.Replace(dateText, " ", StringComparison.Ordinal)) >= MinTitleWords)
            return dated;
        return parts.Where(p => p != dated).MaxBy(p => Words.Count(p))!;
    }

    /// <summary>A title's part that says more than its date: "Chinese Winter Offensive", not "Stalemate" nor "HISTORY".</summary>
    private const int MinTitleWords = 2;

    private static readonly HashSet<string> DanglingEnds = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "when", "while", "where", "which", "who", "that", "than", "but", "until", "since", "near", "between",
    };

    /// <summary>
    /// A line that ends on a word waiting for more ("… at Pensacola in", "… back to India by") lost what followed it, most
    /// often the next date of its sentence: it ends on its last word that completes it.
    /// </summary>
    private static string WithoutDanglingEnd(string text)
    {
        if (text.EndsWith(TextCut.Ellipsis, StringComparison.Ordinal))
            return text;
        var words = Words.Split(text);
        var end = words.Count;
        while (end > MinClauseWords && (Prepositions.Contains(words[end - 1].Text) || DanglingEnds.Contains(words[end - 1].Text)))
            end--;
        return end == words.Count ? text : text[..words[end - 1].End].TrimEnd(',', ';', ':', '–', '—', '-');
    }

    /// <summary>Titles are short and end without a full stop: "UAE formed", "Austerlitz".</summary>
    private const int MaxTitleWords = 6;

    private static bool IsTitle(string sentence) =>
        sentence.TrimEnd() is { Length: > 0 } line && line[^1] is not ('.' or '!' or '?' or '"' or '”' or ')' or '’') && Words.Count(line) <= MaxTitleWords;

    private static readonly HashSet<string> Until = new(StringComparer.OrdinalIgnoreCase) { "until", "till" };

    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal) { "who", "which" };

    /// <summary>
    /// "failed, to oust him in June 1957" of "… the stalwarts in the Presidium who conspired, but failed, to oust him …": a
    /// clause opening on a verb after a relative pronoun has its subject inside the sentence, not at its start (as in
    /// "Pompey fled, but was stabbed", which <see cref="WithSubject"/> completes), so alone it reads as a fragment.
    /// </summary>
    private static bool LacksSubject(IReadOnlyList<Word> clause, string sentence)
    {
        var first = clause.FirstOrDefault(w => !Lexicon.HeadlineConnectives.Contains(w.Text));
        if (first.Text is not { } verb || !IsVerbStart(verb))
            return false;
        var clauseAt = sentence.LastIndexOf(verb, StringComparison.Ordinal);
        return clauseAt > 0 && Words.Split(sentence[..clauseAt]).Any(w => RelativePronouns.Contains(w.Text));
    }

    /// <summary>A lower-case verb, by the forms a line's verb is told by (<see cref="PresentTense.IsPastOrIrregular"/>).</summary>
    private static bool IsVerbStart(string word) => char.IsLower(word[0]) && PresentTense.IsPastOrIrregular(word);

    /// <summary>
    /// "it was not released until 1989" says it was released in 1989: the negation and "until" give way to "in", which the
    /// date then goes with. Only within the date's clause: "Not until 1989 was …" (a capital, inverted order) keeps its date.
    /// </summary>
    private static string WithUntilAsIn(string source, string dateText)
    {
        var dateAt = source.IndexOf(dateText, StringComparison.Ordinal);
        if (!FollowsUntil(source, dateAt))
            return source;
        var before = Words.Split(source[..dateAt]);
        var clauseStart = ClauseBreaks.Max(b => source.LastIndexOf(b, dateAt, StringComparison.Ordinal));
        var not = before.FindLastIndex(w => w.Text == "not");
        if (not < 0 || before[not].Start < clauseStart)
            return source;
        var until = before[^1];
        return source[..before[not].Start] + source[before[not + 1].Start..until.Start] + "in" + source[until.End..];
    }

    /// <summary>True when "until" or "till" stands right before the date.</summary>
    private static bool FollowsUntil(string source, int dateAt) =>
        dateAt > 0 && Words.Split(source[..dateAt]) is [.., var last] && Until.Contains(last.Text) && string.IsNullOrWhiteSpace(source[last.End..dateAt]);

    /// <summary>True when a verb follows the date, with no aside between, and no preposition precedes it: "12 April 1610 was declared …".</summary>
    private static bool IsSubject(string source, int dateAt, string dateText)
    {
        if (dateAt < 0)
            return false;
        var after = Words.Split(source, dateAt + dateText.Length);
        var before = Words.Split(source[..dateAt]);
        return after is [var next, ..] && Lexicon.Verbs.Contains(next.Text) && string.IsNullOrWhiteSpace(source[(dateAt + dateText.Length)..next.Start])
            && !(before is [.., var last] && (Prepositions.Contains(last.Text.ToLowerInvariant()) || Lexicon.StopWords.Contains(last.Text)));
    }

    /// <summary>True when only a comma and perhaps a preposition stand before the date: it opens a clause.</summary>
    private static bool OpensClause(string source, int dateAt)
    {
        var before = Words.Split(source[..dateAt]);
        var end = before.Count > 0 && Lexicon.StopWords.Contains(before[^1].Text) ? before[^1].Start : dateAt;
        return source[..end].TrimEnd().EndsWith(',');
    }

    /// <summary>The text on one line, each run of white space one space; most text is flat already and is returned as it is.</summary>
    private static string Flat(string text) =>
        IsFlat(text) ? text.Trim() : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsFlat(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
                return false;
        return true;
    }

    private static string WithoutAsides(string text)
    {
        string before;
        do
        {
            before = text;
            text = Bracketed.Replace(text, "");
        }
        while (text != before);
        text = DashAside.Replace(text, " ");
        // A bracket left unpaired belongs to a clause cut from a longer sentence: keep the side that can stand alone.
        var close = text.IndexOf(')', StringComparison.Ordinal);
        if (close >= 0 && text.LastIndexOf('(', close) < 0)
            text = text[(close + 1)..];
        var open = text.LastIndexOf('(');
        if (open >= 0 && text.IndexOf(')', open) < 0)
            text = text[..open];
        return text.Trim(' ', ',', ';', ':');
    }

    private static string WithoutLeadingConnectives(string text)
    {
        while (true)
        {
            if (Words.Split(text) is [var first, _, ..] && first.Start == 0 && Lexicon.HeadlineConnectives.Contains(first.Text))
                text = text[first.End..].TrimStart(' ', ',');
            else if ((LeadingRelativeTime(text) ?? LeadingConcession(text)) is { } end)
                text = text[end..].TrimStart(' ', ',');
            else
                return text;
        }
    }

    private static readonly HashSet<string> Afterwards = new(StringComparer.OrdinalIgnoreCase) { "later", "earlier", "afterwards", "afterward", "thereafter" };
    private static readonly HashSet<string> Following = new(StringComparer.OrdinalIgnoreCase) { "the", "that", "next", "following" };
    private static readonly HashSet<string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "day", "morning", "afternoon", "evening", "night", "week", "month", "year", "spring", "summer", "autumn", "fall", "winter",
    };

    private static readonly HashSet<string> Concessions = new(StringComparer.OrdinalIgnoreCase) { "although", "though", "despite", "whereas" };

    /// <summary>
    /// Where an opening clause that concedes something ends ("Although the council had forbidden it,", "Despite low
    /// expectations,"): the line is what happened all the same, when that can stand as a sentence.
    /// </summary>
    private static int? LeadingConcession(string text)
    {
        var words = Words.Split(text);
        var opens = words.Count > 1 && words[0].Start == 0
            && (Concessions.Contains(words[0].Text) || (words[0].Text is "Even" or "even" && words[1].Text is "though" or "if"));
        var comma = opens ? text.IndexOf(", ", StringComparison.Ordinal) : -1;
        if (comma < 0)
            return null;
        // "Even though the speech was to be a secret, it made its way out": a pronoun after it names what the clause did.
        var rest = Words.Split(text[(comma + 2)..]);
        return rest.Count >= MinClauseWords && !Lexicon.HeadlineOpeners.Contains(rest[0].Text) && HeadlineChecks.HasVerb(rest) ? comma + 1 : null;
    }

    /// <summary>
    /// Where an opening phrase that dates the line from the one before it ends: "Six days later,", "A year earlier,", "The next
    /// morning,". The reader sees the line on its own day, not the line before it.
    /// </summary>
    private static int? LeadingRelativeTime(string text)
    {
        var comma = text.IndexOf(", ", StringComparison.Ordinal);
        if (comma < 0)
            return null;
        var words = Words.Split(text[..comma]);
        if (words.Count is < 2 or > 4 || words[0].Start != 0 || words.Skip(1).Any(w => w.IsCapitalized))
            return null;
        var relative = Afterwards.Contains(words[^1].Text) || (Following.Contains(words[0].Text) && TimeUnits.Contains(words[^1].Text));
        return relative ? comma + 1 : null;
    }

    /// <summary>A pronoun at the start named: "He died" → "Lincoln died", "His army" → "Napoleon's army".</summary>
    private static string WithSubject(string text, EventMention mention, SourceDocument? document)
    {
        if (Words.Split(text) is not [var first, ..] || first.Start != 0)
            return text;
        var possessive = first.Text.ToLowerInvariant() is "his" or "her" or "its" or "their";
        var personal = first.Text.ToLowerInvariant() is "he" or "she";
        var other = first.Text.ToLowerInvariant() is "it" or "they" or "this";
        // A clause cut after ", but" or "and" starts on its verb: its subject is the sentence's ("Pompey fled …, but was
        // stabbed", "Gálvez captured Mobile in 1780 and forced the surrender of Pensacola in 1781").
        // The clause as written tells a verb from a capitalized name ("Alfred the Great"): the line's first word is capitalized.
        var asWritten = Words.Split(Flat(mention.Clause)).FirstOrDefault(w => w.Text.Equals(first.Text, StringComparison.OrdinalIgnoreCase));
        if (asWritten.Text is { } written && IsVerbStart(written) && SubjectOf(Flat(mention.Sentence), requireName: false) is { } sentenceSubject)
            return sentenceSubject + " " + char.ToLowerInvariant(text[0]) + text[1..];
        // "1752 was the first year …": the date is the subject, so it stays.
        if (Lexicon.Verbs.Contains(first.Text) && DateSubject(Flat(mention.Clause), first.Text) is { } dateSubject)
            return dateSubject + " " + char.ToLowerInvariant(text[0]) + text[1..];
        // "Our encyclopedia entry …": the writer's own possessions are a reader's definite ones.
        if (first.Text.ToLowerInvariant() is "our" or "my")
            return "The" + text[first.End..];
        if ((!possessive && !personal && !other) || document is null)
            return text;
        var subject = Antecedent(document.Text, mention.SentenceStart, requireName: personal || possessive)
            ?? (personal || possessive ? PersonNames.FullNames(document.Title).FirstOrDefault() : null);
        // "they" stands for many ("Kissinger and Le Duc Tho", "the Cossacks"), not for one person or body.
        if (subject is null || (first.Text.Equals("they", StringComparison.OrdinalIgnoreCase) && PresentTense.IsSingularPhrase(subject)))
            return text;
        if (personal || possessive)
            subject = InFull(subject, document);
        var rest = text[first.End..];
        return possessive ? subject + "’s" + rest : subject + rest;
    }

    /// <summary>A person "Caesar" in an article titled "Julius Caesar" is named as the title names him; else as the text first names him in full.</summary>
    private static string InFull(string subject, SourceDocument document)
    {
        if (subject.Contains(' ', StringComparison.Ordinal))
            return subject;
        bool Names(string name) => name.Split(' ').Contains(subject, StringComparer.Ordinal);
        var title = document.Title.Trim();
        if (PersonNames.IsName(title) && Names(title))
            return title;
        return PersonNames.FullNames(document.Text[..Math.Min(document.Text.Length, AntecedentWindow)]).FirstOrDefault(Names) ?? subject;
    }

    /// <summary>The words of a clause between its last comma before <paramref name="verb"/> and the verb, when they hold a date: "25 March" of "Until 1750, 25 March was …".</summary>
    private static string? DateSubject(string clause, string verb)
    {
        var at = Words.Split(clause).FirstOrDefault(w => string.Equals(w.Text, verb, StringComparison.OrdinalIgnoreCase));
        if (at.Text is null)
            return null;
        var before = clause[..at.Start];
        var comma = before.LastIndexOf(", ", StringComparison.Ordinal);
        var subject = before[(comma < 0 ? 0 : comma + 2)..].Trim();
        return subject.Length > 0 && subject.Any(char.IsAsciiDigit) && Words.Count(subject) <= MaxSubjectWords ? subject : null;
    }

    /// <summary>The subject of the nearest sentence before <paramref name="position"/> that opens on a name or a named thing.</summary>
    private static string? Antecedent(string text, int position, bool requireName)
    {
        position = Math.Clamp(position, 0, text.Length);
        var from = Math.Max(0, position - AntecedentWindow);
        var before = text[from..position];
        var sentences = before.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var sentence in sentences.Reverse())
            if (SubjectOf(sentence, requireName) is { } subject)
                return subject;
        return null;
    }

    /// <summary>"Lincoln was taken …" → "Lincoln"; "Tsar Alexander II then …" → "Tsar Alexander II"; "In Egypt, …" → none.</summary>
    private static string? SubjectOf(string sentence, bool requireName)
    {
        var words = Words.Split(sentence);
        if (words.Count < 2 || words[0].Start != 0 || !words[0].IsCapitalized)
            return null;
        var article = words[0].Text is "The";
        if (!article && (Lexicon.StopWords.Contains(words[0].Text) || Lexicon.HeadlineConnectives.Contains(words[0].Text)))
            return null;
        var end = 0;
        for (var i = 0; i < words.Count && i < MaxSubjectWords; i++)
        {
            var word = words[i];
            var joinsName = word.Text is "the" or "of" or "de" or "von" && i + 1 < words.Count && words[i + 1].IsCapitalized;
            if (i > 0 && !word.IsCapitalized && !joinsName && !(article && i < 3))
                break;
            if (i > 0 && sentence.AsSpan(words[i - 1].End, word.Start - words[i - 1].End).ContainsAny(",;:()\"“”"))
                break;
            if (word.Text.Any(char.IsDigit))
                return null;
            end = i + 1;
        }
        // The run is a subject when a verb or an adverb before one follows it ("Pompey then fled"); a run ending on a
        // possessive only opens its subject ("Nixon's national security adviser").
        if (end == 0 || end >= words.Count || words[end].IsCapitalized || Prepositions.Contains(words[end].Text) || words[end - 1].IsPossessive)
            return null;
        var named = words.Take(end).Count(w => w.IsCapitalized && w.Text != "The");
        if (named == 0 || (requireName && article))
            return null;
        return sentence[..words[end - 1].End];
    }

    /// <summary>A line over <see cref="MaxWords"/> words ends at the first clause boundary after its date that leaves a sentence, else is cut.</summary>
    private static string Shortened(string text, int wordsBeforeDate, bool dateEndsClause)
    {
        var words = Words.Split(text);
        if (words.Count <= MaxWords)
            return text;
        if (dateEndsClause && wordsBeforeDate is >= MinClauseWords and <= MaxWords && HeadlineChecks.HasVerb(words[..wordsBeforeDate])
            && !Lexicon.StopWords.Contains(words[wordsBeforeDate - 1].Text))
            return text[..words[wordsBeforeDate - 1].End];
        // A date late in the sentence may push the cut past the target length, never past the checks' limit.
        foreach (var word in words.Take(HeadlineChecks.MaxWords).Skip(Math.Max(MinClauseWords, wordsBeforeDate)))
        {
            var gap = text.Substring(word.End, Math.Min(3, text.Length - word.End));
            if (!ClauseBreaks.Any(b => gap.StartsWith(b, StringComparison.Ordinal)) || (gap.StartsWith(", ", StringComparison.Ordinal) && Lists.SeparatesItems(text, word.End)))
                continue;
            var head = text[..word.End];
            if (!Lexicon.StopWords.Contains(word.Text) && HeadlineChecks.HasVerb(Words.Split(head)))
                return head;
        }
        // Cut at the limit, it ends on its last word that is not a function word: "… by Nikita S. Khrushchev…", not "… Khrushchev to…".
        var last = MaxWords - 2;
        while (last > MaxWords / 2 && (Lexicon.StopWords.Contains(words[last].Text) || Prepositions.Contains(words[last].Text)))
            last--;
        return text[..words[last].End].TrimEnd(',', ';', ':') + TextCut.Ellipsis;
    }
}
