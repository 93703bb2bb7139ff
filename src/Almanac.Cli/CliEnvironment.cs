namespace Almanac.Cli;

/// <summary>
/// What a command may touch of the outside world: the clock and time zone that define "today",
/// the output streams, and whether output goes to a person's terminal. Tests pass their own.
/// </summary>
public sealed record CliEnvironment(TimeProvider Clock, TimeZoneInfo Zone, TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Standard input, for commands that read '-'.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>The day a command names as MM-DD, or the reader's today when it names none.</summary>
    public NodaTime.AnnualDate DayOrToday(string? text) =>
        text is null
            ? Core.ReaderDay.Today(Clock, Zone)
            : Core.ReaderDay.ParseMonthDay(text) ?? throw new CliFailure($"'{text}' is not a calendar day; write MM-DD, for example 06-04");

    public static CliEnvironment FromSystem() =>
        new(TimeProvider.System, TimeZoneInfo.Local, Console.Out, Console.Error, !Console.IsOutputRedirected);
}
