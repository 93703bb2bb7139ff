namespace Almanac.Cli;

/// <summary>
/// What a command may touch of the outside world: the clock and time zone that define "today",
/// the output streams, and whether output goes to a person's terminal. Tests pass their own.
/// </summary>
public sealed record CliEnvironment(TimeProvider Clock, TimeZoneInfo Zone, TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Standard input, for commands that read '-'.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>
    /// The process's standard output and input as byte streams, for commands that stream a lot of text
    /// (`tag -`): UTF-8 bytes written and read in large blocks, without the console writer's flush after
    /// every write. Null in tests, which read and write only <see cref="In"/> and <see cref="Out"/>.
    /// </summary>
    public Stream? RawOut { get; init; }

    /// <inheritdoc cref="RawOut"/>
    public Stream? RawIn { get; init; }

    /// <summary>The day a command names as MM-DD, or the reader's today when it names none.</summary>
    public NodaTime.AnnualDate DayOrToday(string? text) =>
        text is null
            ? Core.ReaderDay.Today(Clock, Zone)
            : Core.ReaderDay.ParseMonthDay(text) ?? throw new CliFailure($"'{text}' is not a calendar day; write MM-DD, for example 06-04");

    public static CliEnvironment FromSystem() =>
        new(TimeProvider.System, TimeZoneInfo.Local, Console.Out, Console.Error, !Console.IsOutputRedirected)
        {
            RawOut = Console.OpenStandardOutput(),
            RawIn = Console.OpenStandardInput(),
        };
}
