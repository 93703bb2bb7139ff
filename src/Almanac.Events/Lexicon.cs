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
    public static readonly FrozenSet<string> Verbs = Load("verbs", StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Load(string name, StringComparer comparer)
    {
        var resource = $"Almanac.Events.{name}.txt";
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
                entries.Add(line);
        }
        return entries.ToFrozenSet(comparer);
    }
}
