using System.Collections.Frozen;

namespace Almanac.Events;

/// <summary>A verb's present forms: its base, said of a plural subject, and its third person singular.</summary>
internal readonly record struct PresentForms(string Plural, string Singular);

/// <summary>
/// The forms of English verbs, from two data files: irregular-verbs.txt (base, third person
/// singular, past, participle) and regular-verbs.txt (bases whose past is made with "-ed").
/// </summary>
public static class VerbForms
{
    private static readonly FrozenDictionary<string, PresentForms> IrregularPasts;
    private static readonly FrozenDictionary<string, string> IrregularBases;
    private static readonly FrozenSet<string> RegularBases = EmbeddedLines.Read("regular-verbs").ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> IrregularParticiples;
    private static readonly FrozenSet<string> IrregularBaseForms;

    /// <summary>Every form of an irregular verb but its base: "falls", "fell", "fallen".</summary>
    internal static readonly FrozenSet<string> IrregularForms;

    static VerbForms()
    {
        var pasts = new Dictionary<string, PresentForms>(StringComparer.Ordinal);
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        var participles = new HashSet<string>(StringComparer.Ordinal);
        var inflected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in EmbeddedLines.Read("irregular-verbs"))
        {
            var forms = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (forms.Length != 4)
                throw new InvalidOperationException($"irregular-verbs.txt: '{line}' needs base, present, past and participle");
            var (baseForm, singular, past, participle) = (forms[0], forms[1], forms[2], forms[3]);
            // "was" is only ever "is", "were" only "are": the verb carries its own number.
            pasts.TryAdd(past, baseForm == "be" ? new PresentForms(singular, singular) : new PresentForms(baseForm, singular));
            foreach (var form in forms)
                bases.TryAdd(form, baseForm);
            participles.Add(participle);
            inflected.UnionWith(forms[1..]);
        }
        IrregularPasts = pasts.ToFrozenDictionary(StringComparer.Ordinal);
        IrregularBases = bases.ToFrozenDictionary(StringComparer.Ordinal);
        IrregularParticiples = participles.ToFrozenSet(StringComparer.Ordinal);
        IrregularBaseForms = bases.Values.ToFrozenSet(StringComparer.Ordinal);
        IrregularForms = inflected.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The base of any known form of a verb ("assassinated", "assassinates" → "assassinate"; "fell" → "fall"), else the word lower-cased.</summary>
    public static string BaseOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (IrregularBases.TryGetValue(lower, out var irregular))
            return irregular;
        return RegularBaseOfPast(lower) ?? RegularBaseOfSingular(lower) ?? lower;
    }

    /// <summary>The present forms of a simple past a reader can be sure of: "fell", "assassinated", "carried"; none for "set", whose past is its base, or an unknown word.</summary>
    internal static PresentForms? PresentOfPast(string past)
    {
        if (IrregularPasts.TryGetValue(past, out var irregular))
            return irregular.Plural == past ? null : irregular;
        return RegularBaseOfPast(past) is { } regular ? new PresentForms(regular, Singular(regular)) : null;
    }

    /// <summary>True for a regular verb's third person singular: "assassinates", "carries", "marches".</summary>
    internal static bool IsRegularSingular(string word) => RegularBaseOfSingular(word.ToLowerInvariant()) is not null;

    /// <summary>True for the base of a known verb: "land", "rise".</summary>
    internal static bool IsBase(string word) => RegularBases.Contains(word) || IrregularBaseForms.Contains(word);

    /// <summary>"signed", "taken": what follows an auxiliary in a perfect or a passive.</summary>
    internal static bool IsParticiple(string word) => word.EndsWith("ed", StringComparison.Ordinal) || IrregularParticiples.Contains(word);

    /// <summary>"assassinated" → "assassinate", "signed" → "sign", "stopped" → "stop", "carried" → "carry"; null when no such base is listed.</summary>
    private static string? RegularBaseOfPast(string past)
    {
        if (past.Length < 4 || !past.EndsWith("ed", StringComparison.Ordinal))
            return null;
        string[] candidates =
        [
            past[..^1],
            past[..^2],
            past.EndsWith("ied", StringComparison.Ordinal) ? past[..^3] + "y" : "",
            past.Length > 4 && past[^3] == past[^4] ? past[..^3] : "",
        ];
        return candidates.FirstOrDefault(c => c.Length > 1 && RegularBases.Contains(c));
    }

    private static string? RegularBaseOfSingular(string word)
    {
        if (word.Length < 3 || !word.EndsWith('s'))
            return null;
        string[] candidates = [word[..^1], word.EndsWith("es", StringComparison.Ordinal) ? word[..^2] : "", word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : ""];
        return candidates.FirstOrDefault(c => c.Length > 1 && RegularBases.Contains(c) && Singular(c) == word);
    }

    /// <summary>The third person singular of a regular base: "signs", "marches", "carries", "vetoes".</summary>
    private static string Singular(string baseForm)
    {
        if (baseForm.EndsWith('y') && baseForm.Length > 1 && !"aeiou".Contains(baseForm[^2]))
            return baseForm[..^1] + "ies";
        if (baseForm.EndsWith('s') || baseForm.EndsWith('x') || baseForm.EndsWith('z') || baseForm.EndsWith('o')
            || baseForm.EndsWith("ch", StringComparison.Ordinal) || baseForm.EndsWith("sh", StringComparison.Ordinal))
            return baseForm + "es";
        return baseForm + "s";
    }
}
