namespace Almanac.Events;

/// <summary>
/// An almanac line is in the present: "Julius Caesar was assassinated by Roman senators" becomes
/// "Julius Caesar is assassinated by Roman senators", "The Berlin Wall fell" "The Berlin Wall falls".
/// The verb of the main clause is put in the present when it is a simple past the verb lists know
/// (<see cref="VerbForms"/>) and its subject's number is clear; past verbs joined to it by "and" or
/// "but" follow it. Quotations, names, subordinate and relative clauses, and any line whose verb
/// cannot be read with certainty stay as written.
/// </summary>
internal static class PresentTense
{
    // A line that opens on one of these starts with a subordinate clause; its main clause follows the first comma.
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "after", "when", "while", "although", "though", "because", "since", "as", "before", "once", "if", "until", "whereas", "whilst",
    };

    // After a comma, these open a relative clause whose verb is not the line's: "Lincoln, who was shot the night before, died".
    private static readonly HashSet<string> Relatives = new(StringComparer.OrdinalIgnoreCase) { "who", "which", "whom", "whose", "where" };

    // A past form after one of these is a noun, an adjective or a verb of a relative clause, not the line's verb:
    // "the left bank", "the armed forces", "the army that invaded".
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "who", "which",
    };

    // So is one after a preposition ("to found a city", "by armed men"); a line that opens on one opens on a phrase, not its subject.
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "on", "at", "for", "to", "with", "from", "by", "into", "onto", "upon", "during", "under", "over", "against",
        "through", "between", "among",
    };

    // Words between a subject and its verb that say nothing of the subject's number: "Pompey then fled".
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "then", "also", "later", "soon", "again", "never", "first", "still", "once", "thereafter", "subsequently", "together", "both", "all",
    };

    private static readonly HashSet<string> PluralPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "we", "you" };
    private static readonly HashSet<string> PluralNouns = new(StringComparer.OrdinalIgnoreCase) { "people", "police", "men", "women", "children", "cattle", "clergy" };
    private static readonly HashSet<string> Quantifiers = new(StringComparer.OrdinalIgnoreCase) { "many", "several", "few", "both", "most", "thousands", "hundreds", "millions" };
    private static readonly string[] PeopleEndings = ["ish", "ch", "ese", "ss"];
    private static readonly HashSet<string> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "second", "third", "fourth", "fifth", "last", "only",
    };
    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase) { "and", "but" };
    private const int MaxNameWords = 4;

    /// <summary>
    /// The headline in the almanac's present. <paramref name="asTitle"/>: the line is a title (a few words, no full
    /// stop), written in headlines' own grammar.
    /// </summary>
    public static string Of(string headline, bool asTitle = false)
    {
        var converted = Converted(headline, asTitle);
        // A line the rules would make worse stays as it was.
        return converted != headline && HeadlineChecks.Faults(converted).Count <= HeadlineChecks.Faults(headline).Count ? converted : headline;
    }

    private static string Converted(string headline, bool asTitle)
    {
        var words = Words.Split(headline);
        var start = MainClauseStart(headline, words);
        if (start < 0)
            return headline;
        var quoted = QuotedSpans(headline);
        // An aside opens at a comma before a relative pronoun or a participle and closes at the next comma:
        // "Lincoln, who was shot the night before, died", "Caesar, stabbed 23 times, died".
        var inAside = false;
        var subjectEnd = -1;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            var afterComma = i > start && headline.AsSpan(words[i - 1].End, word.Start - words[i - 1].End).Contains(',');
            if (inAside)
            {
                if (!afterComma)
                    continue;
                inAside = false;
            }
            else if (afterComma && (Relatives.Contains(word.Text) || (!word.IsCapitalized && VerbForms.IsParticiple(word.Text))))
            {
                inAside = true;
                subjectEnd = subjectEnd < 0 ? i : subjectEnd;
                continue;
            }
            // "Napoleon marched on Paris after the king fled": a later clause's verb is not the line's.
            if (i > start && Subordinators.Contains(word.Text))
                return headline;
            if (quoted.Any(q => word.Start >= q.Start && word.Start < q.End) || word.IsCapitalized || !IsVerbForm(words, i))
                continue;
            if (i > start && (Determiners.Contains(words[i - 1].Text) || Prepositions.Contains(words[i - 1].Text) || words[i - 1].IsPossessive))
                continue;
            // "The first controlled chain reaction", "the only surviving copy": after a determiner and an ordinal, a form is the noun's.
            if (i > start + 1 && Ordinals.Contains(words[i - 1].Text) && Determiners.Contains(words[i - 2].Text))
                continue;
            // A title's participle is a headline's passive with "is" left out ("UAE formed", "Napoleon crowned emperor"),
            // which the simple present would turn into the active.
            if (asTitle && VerbForms.IsParticiple(word.Text))
                return headline;
            // "the treaty signed by both sides ended the war": a participle before "by" is the subject's, not the line's verb.
            // Right after a name it is a headline's passive with "was" left out ("Georgia occupied by Bolshevist Russia"),
            // which no simple present renders: the line stays as written.
            if (i + 1 < words.Count && words[i + 1].Text == "by" && VerbForms.IsParticiple(word.Text) && i > start)
            {
                if (words[i - 1].IsCapitalized)
                    return headline;
                subjectEnd = subjectEnd < 0 ? i : subjectEnd;
                continue;
            }
            return i == start ? headline : WithVerbInPresent(headline, words, start, i, subjectEnd < 0 ? i : subjectEnd, quoted);
        }
        return headline;
    }

    private static string WithVerbInPresent(string headline, List<Word> words, int start, int verb, int subjectEnd, List<(int Start, int End)> quoted)
    {
        var past = words[verb].Text;
        // "had signed": a past perfect has no almanac present that keeps its sense.
        if (past == "had" && verb + 1 < words.Count && VerbForms.IsParticiple(words[verb + 1].Text))
            return headline;
        if (VerbForms.PresentOfPast(past) is not { } present)
            return headline;
        var ownNumber = past is "was" or "were";
        bool? plural = ownNumber ? false : IsPluralSubject(headline, words[start..subjectEnd]);
        if (plural is null)
            return headline;
        var edits = new List<(Word Word, string Text)> { (words[verb], plural.Value ? present.Plural : present.Singular) };
        // "crossed the Rubicon and started a civil war": a verb joined to a simple past shares its subject.
        // After "was" the joined word is a participle ("was arrested and executed") and stays.
        for (var j = verb + 1; j < words.Count && !ownNumber && past != "had"; j++)
        {
            var word = words[j];
            if (Subordinators.Contains(word.Text) || Relatives.Contains(word.Text) || word.Text is "that" || quoted.Any(q => word.Start >= q.Start && word.Start < q.End))
                break;
            if (Joiners.Contains(words[j - 1].Text) && !word.IsCapitalized && VerbForms.PresentOfPast(word.Text) is { } joined)
                edits.Add((word, plural.Value ? joined.Plural : joined.Singular));
            // "Lincoln died early the next morning and Andrew Johnson became President": a joined clause with a subject of its
            // own, in its number; after a name, "and" may join two names of one subject ("Huerta and Villa became rivals").
            else if (Joiners.Contains(words[j - 1].Text) && word.IsCapitalized && !words[j - 2].IsCapitalized && JoinedClauseVerb(headline, words, j) is { } own)
            {
                edits.Add((words[own.Verb], own.Present));
                j = own.Verb;
            }
        }
        var text = headline;
        foreach (var (word, replacement) in edits.OrderByDescending(e => e.Word.Start))
            text = text[..word.Start] + replacement + text[word.End..];
        return text;
    }

    /// <summary>The verb of a clause opening on a name at <paramref name="start"/> ("Andrew Johnson became"), in the present of its subject's number.</summary>
    private static (int Verb, string Present)? JoinedClauseVerb(string headline, List<Word> words, int start)
    {
        var verb = start;
        while (verb < words.Count && verb - start < MaxNameWords && words[verb].IsCapitalized)
            verb++;
        if (verb == words.Count || words[verb].IsCapitalized || VerbForms.PresentOfPast(words[verb].Text) is not { } present
            || IsPluralSubject(headline, words[start..verb]) is not { } plural)
            return null;
        return (verb, plural ? present.Plural : present.Singular);
    }

    /// <summary>A form that may be the line's verb. A regular "-s" form before another verb is a plural ("the armed forces seized").</summary>
    private static bool IsVerbForm(List<Word> words, int i) =>
        IsPastOrIrregular(words[i].Text)
        || (VerbForms.IsRegularSingular(words[i].Text) && !(i + 1 < words.Count && IsPastOrIrregular(words[i + 1].Text)));

    /// <summary>A past or irregular form the lexicon knows, or a regular past ("forced").</summary>
    internal static bool IsPastOrIrregular(string word) =>
        Lexicon.Verbs.Contains(word) || VerbForms.PresentOfPast(word) is not null
        || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && !Lexicon.StopWords.Contains(word));

    /// <summary>The index of the main clause's first word: after the first comma when the line opens on a subordinate clause; -1 when there is none.</summary>
    private static int MainClauseStart(string headline, List<Word> words)
    {
        if (words.Count == 0 || !Subordinators.Contains(words[0].Text))
            return 0;
        for (var i = 1; i < words.Count; i++)
            if (headline.AsSpan(words[i - 1].End, words[i].Start - words[i - 1].End).Contains(','))
                return i;
        return -1;
    }

    /// <summary>Whether the subject before the verb is plural: "Lewis and Clark", "the troops", "they"; null when it cannot be told ("The Beatles", "Charles").</summary>
    /// <summary>Whether a noun phrase is singular by the rules a line's subject is read by: "the National Assembly" is, "the Allies" may not be.</summary>
    public static bool IsSingularPhrase(string phrase) => IsPluralSubject(phrase, Words.Split(phrase)) == false;

    private static bool? IsPluralSubject(string headline, List<Word> subject)
    {
        // "At Waterloo, Wellington …": a leading phrase is not the subject.
        if (subject.Count > 0 && Prepositions.Contains(subject[0].Text))
        {
            var comma = subject.FindIndex(1, w => headline.AsSpan(0, w.Start).LastIndexOf(',') > subject[0].Start);
            subject = comma < 0 ? [] : subject[comma..];
        }
        // "Napoleon, beaten at Waterloo, …": the subject ends at its first comma.
        var end = subject.Count == 0 ? -1 : subject.FindIndex(1, w => headline.AsSpan(subject[0].End, w.Start - subject[0].End).Contains(','));
        if (end > 0)
            subject = subject[..end];
        if (subject.Count == 0)
            return null;
        // "Lewis and Clark", "many English": a pair or a quantity is plural.
        if (subject.Any(w => w.Text == "and" || Quantifiers.Contains(w.Text)))
            return true;
        // "The Battle of Hastings", "a group of soldiers", "the troops from Prussia": the noun before the first preposition
        // is the head, not the last noun of its phrase.
        var phrase = subject.FindIndex(1, w => Prepositions.Contains(w.Text));
        var head = phrase > 0 ? subject[phrase - 1] : subject.LastOrDefault(w => !Adverbs.Contains(w.Text) && !w.Text.EndsWith("ly", StringComparison.Ordinal));
        if (head.Text is null)
            return null;
        // "The French", "the British": a people named by its adjective.
        var at = subject.IndexOf(head);
        if (at > 0 && subject[at - 1].Text is "The" or "the" && head.IsCapitalized && PeopleEndings.Any(e => head.Text.EndsWith(e, StringComparison.Ordinal)))
            return true;
        return IsPlural(head.Text);
    }

    /// <summary>Whether a noun or pronoun is plural: "troops", "people", "they"; null for a name ending in s ("Athens", "the Beatles").</summary>
    internal static bool? IsPlural(string noun)
    {
        if (PluralPronouns.Contains(noun) || PluralNouns.Contains(noun))
            return true;
        if (noun.All(c => char.IsUpper(c) || char.IsDigit(c)))
            return false;
        var sEnding = noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal)
            && !noun.EndsWith("is", StringComparison.Ordinal) && !noun.EndsWith("’s", StringComparison.Ordinal) && !noun.EndsWith("'s", StringComparison.Ordinal);
        if (!sEnding)
            return false;
        // "Athens", "Charles", "the Beatles": a name ending in s may be either.
        return char.IsUpper(noun[0]) || noun.EndsWith("ics", StringComparison.Ordinal) || noun is "news" ? null : true;
    }

    /// <summary>Spans inside double quotation marks, straight or curly: a quotation keeps its words.</summary>
    private static List<(int Start, int End)> QuotedSpans(string text)
    {
        var spans = new List<(int, int)>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open is null && c is '“' or '"')
                open = i;
            else if (open is { } from && c is '”' or '"')
            {
                spans.Add((from, i));
                open = null;
            }
        }
        if (open is { } unclosed)
            spans.Add((unclosed, text.Length));
        return spans;
    }
}
