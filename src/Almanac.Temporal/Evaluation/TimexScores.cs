namespace Almanac.Temporal.Evaluation;

/// <summary>
/// TempEval-3 temporal expression scores. Extents match strictly (same span) or relaxed (overlap);
/// value and type F1 count a system timex as correct when it matches relaxed and has the gold attribute.
/// </summary>
public sealed record TimexScores(int Gold, int System, int Strict, int Relaxed, int ValueCorrect, int TypeCorrect)
{
    public double StrictPrecision => Ratio(Strict, System);
    public double StrictRecall => Ratio(Strict, Gold);
    public double StrictF1 => F1(StrictPrecision, StrictRecall);
    public double RelaxedPrecision => Ratio(Relaxed, System);
    public double RelaxedRecall => Ratio(Relaxed, Gold);
    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);
    public double ValueF1 => F1(Ratio(ValueCorrect, System), Ratio(ValueCorrect, Gold));
    public double TypeF1 => F1(Ratio(TypeCorrect, System), Ratio(TypeCorrect, Gold));

    public static TimexScores operator +(TimexScores a, TimexScores b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Strict + b.Strict, a.Relaxed + b.Relaxed,
            a.ValueCorrect + b.ValueCorrect, a.TypeCorrect + b.TypeCorrect);

    public static readonly TimexScores Zero = new(0, 0, 0, 0, 0, 0);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
