namespace Almanac.Cli;

/// <summary>What the exit code of a command tells a script, beyond 0 (done) and 1 (the input was refused).</summary>
public static class ExitCodes
{
    /// <summary>The command went through, but a stage failed on at least one document; it is stored, marked, and left out of events.</summary>
    public const int DocumentFailed = 2;

    /// <summary>A bug in Almanac stopped the command (EX_SOFTWARE); the message says so.</summary>
    public const int InternalError = 70;
}
