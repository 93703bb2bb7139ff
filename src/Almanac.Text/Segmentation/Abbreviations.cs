using System.Collections.Frozen;

namespace Almanac.Text.Segmentation;

/// <summary>The abbreviation list (Resources/abbreviations.txt), loaded once.</summary>
internal sealed class Abbreviations
{
    private readonly FrozenSet<string> _always;
    private readonly FrozenSet<string> _beforeNumber;

    private Abbreviations(FrozenSet<string> always, FrozenSet<string> beforeNumber)
    {
        _always = always;
        _beforeNumber = beforeNumber;
    }

    public static Abbreviations Default { get; } = Load("abbreviations.txt");

    private static Abbreviations Load(string resource)
    {
        var always = new HashSet<string>(StringComparer.Ordinal);
        var beforeNumber = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, text) in Lexicon.Lines(resource))
        {
            var numeric = text.EndsWith(" #", StringComparison.Ordinal);
            var word = (numeric ? text[..^2] : text).Trim();
            if (word.Length == 0 || word.Any(char.IsWhiteSpace) || word.EndsWith('.'))
                throw new InvalidDataException($"{resource} line {line}: expected one word without a final period, got \"{text}\"");
            (numeric ? beforeNumber : always).Add(word.ToLowerInvariant());
        }
        return new(always.ToFrozenSet(), beforeNumber.ToFrozenSet());
    }

    /// <summary>
    /// True when the period after <paramref name="word"/> belongs to an abbreviation, given what follows the
    /// period and its spaces.
    /// </summary>
    public bool IsAbbreviation(ReadOnlySpan<char> word, char next)
    {
        if (word.IsEmpty)
            return false;
        // Initials ("S.") and dotted forms ("U.S", "e.g", "a.m") read as abbreviations.
        if (word.Length == 1 && char.IsLetter(word[0]))
            return true;
        if (word.Contains('.') && char.IsLetter(word[^1]))
            return true;
        var lower = word.ToString().ToLowerInvariant();
        return _always.Contains(lower) || (char.IsDigit(next) && _beforeNumber.Contains(lower));
    }
}
