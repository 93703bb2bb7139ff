using System.Collections.Frozen;

namespace Almanac.Events;

/// <summary>Word lists kept as embedded data files, one entry per line, '#' starting a comment.</summary>
internal static class Lexicon
{
    public static readonly FrozenSet<string> StopWords = Load("stopwords", StringComparer.OrdinalIgnoreCase);
    public static readonly FrozenSet<string> NotPersonWords = Load("not-person-words", StringComparer.Ordinal);
    public static readonly FrozenSet<string> SignificanceCues = Load("significance-cues", StringComparer.OrdinalIgnoreCase);
    public static readonly FrozenSet<string> HeadlineOpeners = Load("headline-openers", StringComparer.OrdinalIgnoreCase);
    public static readonly FrozenSet<string> HeadlineConnectives = Load("headline-connectives", StringComparer.OrdinalIgnoreCase);
    public static readonly FrozenSet<string> NamedEventKinds = Load("named-event-kinds", StringComparer.Ordinal);
    /// <summary>Auxiliaries and modals, and every form of an irregular verb but its base (<see cref="VerbForms"/>).</summary>
    public static readonly FrozenSet<string> Verbs = EmbeddedLines.Read("verbs").Concat(VerbForms.IrregularForms).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Load(string name, StringComparer comparer) => EmbeddedLines.Read(name).ToFrozenSet(comparer);
}
