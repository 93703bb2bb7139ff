using System.Globalization;

namespace Almanac.Temporal.Evaluation;

/// <summary>The plain-text report shared by the eval program and `almanac eval timex`.</summary>
public static class EvaluationReport
{
    public static void Write(TextWriter output, string corpus, TimexScores s, IReadOnlyList<TimexError> errors, bool listErrors)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "corpus  {0}: {1} gold, {2} tagged", corpus, s.Gold, s.System));
        output.WriteLine(string.Format(c, "strict  P {0,6:F2}  R {1,6:F2}  F1 {2,6:F2}", s.StrictPrecision, s.StrictRecall, s.StrictF1));
        output.WriteLine(string.Format(c, "relaxed P {0,6:F2}  R {1,6:F2}  F1 {2,6:F2}", s.RelaxedPrecision, s.RelaxedRecall, s.RelaxedF1));
        output.WriteLine(string.Format(c, "value F1 {0,6:F2}   type F1 {1,6:F2}", s.ValueF1, s.TypeF1));
        if (!listErrors)
            return;
        foreach (var e in errors)
        {
            var gold = e.Gold is { } g ? $"gold '{g.Text}' {g.Type.ToString().ToUpperInvariant()} {g.Value}" : "gold -";
            var system = e.System is { } t ? $"ours '{t.Text}' {t.Type.ToString().ToUpperInvariant()} {t.Value}" : "ours -";
            output.WriteLine($"{e.Kind,-8} {e.Document}  {gold}  |  {system}  |  …{e.Context}…");
        }
    }
}
