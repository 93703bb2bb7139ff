using System.Collections.Frozen;

namespace Almanac.Text.Boilerplate;

internal enum CueKind
{
    Exact,
    Start,
    Contains,
    Promo,
    CallToAction,
    Section,
    SectionStart,
    Tail,
    TailStart,
    TailEnd,
    Navigation,
}

/// <summary>The boilerplate lexicon (Resources/boilerplate.txt), loaded and validated once.</summary>
internal sealed class BoilerplateCues
{
    private static readonly FrozenDictionary<string, CueKind> KindNames = new Dictionary<string, CueKind>
    {
        ["exact"] = CueKind.Exact,
        ["start"] = CueKind.Start,
        ["contains"] = CueKind.Contains,
        ["promo"] = CueKind.Promo,
        ["cta"] = CueKind.CallToAction,
        ["section"] = CueKind.Section,
        ["section-start"] = CueKind.SectionStart,
        ["tail"] = CueKind.Tail,
        ["tail-start"] = CueKind.TailStart,
        ["tail-end"] = CueKind.TailEnd,
        ["nav"] = CueKind.Navigation,
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<CueKind, string[]> _cues;

    private BoilerplateCues(FrozenDictionary<CueKind, string[]> cues) => _cues = cues;

    public static BoilerplateCues Default { get; } = Load("boilerplate.txt");

    private static BoilerplateCues Load(string resource)
    {
        var cues = new Dictionary<CueKind, List<string>>();
        foreach (var (line, text) in Lexicon.Lines(resource))
        {
            var colon = text.IndexOf(':');
            var kindName = colon > 0 ? text[..colon].Trim() : "";
            if (!KindNames.TryGetValue(kindName, out var kind))
                throw new InvalidDataException($"{resource} line {line}: unknown cue kind '{kindName}' in \"{text}\"");
            var phrase = CueText.Normalize(text.AsSpan(colon + 1));
            if (phrase.Length == 0)
                throw new InvalidDataException($"{resource} line {line}: the cue \"{text}\" has no words");
            if (!cues.TryGetValue(kind, out var list))
                cues[kind] = list = [];
            list.Add(phrase);
        }
        return new(cues.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    public IReadOnlyList<string> Of(CueKind kind) => _cues.TryGetValue(kind, out var list) ? list : [];

    public bool IsExact(CueKind kind, string normalized) => Of(kind).Contains(normalized, StringComparer.Ordinal);

    public bool StartsWithAny(CueKind kind, string normalized) => Of(kind).Any(cue => CueText.StartsWithCue(normalized, cue));

    public bool EndsWithAny(CueKind kind, string normalized) => Of(kind).Any(cue => CueText.EndsWithCue(normalized, cue));

    public bool ContainsAny(CueKind kind, string normalized) => Of(kind).Any(cue => CueText.ContainsCue(normalized, cue));
}
