using Almanac.Core;

namespace Almanac.Temporal.Evaluation;

/// <summary>One difference between the tagger and the gold standard, for the error list.</summary>
public sealed record TimexError(string Document, string Kind, Timex? Gold, Timex? System, string Context);

/// <summary>Compares tagged timexes with gold ones, document by document, the TempEval-3 way.</summary>
public static class TimexEvaluator
{
    public static (TimexScores Scores, IReadOnlyList<TimexError> Errors) Compare(string document, string text, IReadOnlyList<Timex> gold, IReadOnlyList<Timex> system)
    {
        string Around(Timex t) => text[Math.Max(0, t.Start - 40)..Math.Min(text.Length, t.End + 40)].ReplaceLineEndings(" ");
        var errors = new List<TimexError>();
        var used = new bool[system.Count];
        int strict = 0, relaxed = 0, value = 0, type = 0;
        foreach (var g in gold)
        {
            // Prefer the exact span, then the first overlapping one, each system timex used once.
            var index = FindIndex(system, used, s => s.Start == g.Start && s.End == g.End);
            if (index < 0)
                index = FindIndex(system, used, s => s.Start < g.End && g.Start < s.End);
            if (index < 0)
            {
                errors.Add(new TimexError(document, "missed", g, null, Around(g)));
                continue;
            }
            used[index] = true;
            var s = system[index];
            relaxed++;
            if (s.Start == g.Start && s.End == g.End)
                strict++;
            else
                errors.Add(new TimexError(document, "extent", g, s, Around(g)));
            if (s.Value == g.Value)
                value++;
            else
                errors.Add(new TimexError(document, "value", g, s, Around(g)));
            if (s.Type == g.Type)
                type++;
            else
                errors.Add(new TimexError(document, "type", g, s, Around(g)));
        }
        for (var i = 0; i < system.Count; i++)
        {
            if (!used[i])
                errors.Add(new TimexError(document, "spurious", null, system[i], Around(system[i])));
        }
        return (new TimexScores(gold.Count, system.Count, strict, relaxed, value, type), errors);
    }

    private static int FindIndex(IReadOnlyList<Timex> system, bool[] used, Func<Timex, bool> predicate)
    {
        for (var i = 0; i < system.Count; i++)
        {
            if (!used[i] && predicate(system[i]))
                return i;
        }
        return -1;
    }
}
