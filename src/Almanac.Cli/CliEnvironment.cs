namespace Almanac.Cli;

/// <summary>
/// What a command may touch of the outside world: the clock and time zone that define "today",
/// the output streams, and whether output goes to a person's terminal. Tests pass their own.
/// </summary>
public sealed record CliEnvironment(TimeProvider Clock, TimeZoneInfo Zone, TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Standard input, for commands that read '-'.</summary>
    public TextReader In { get; init; } = Console.In;

    public static CliEnvironment FromSystem() =>
        new(TimeProvider.System, TimeZoneInfo.Local, Console.Out, Console.Error, !Console.IsOutputRedirected);
}
