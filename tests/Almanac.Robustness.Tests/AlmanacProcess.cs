using System.Diagnostics;

namespace Almanac.Robustness.Tests;

/// <summary>The built `almanac` command (almanac.dll beside the tests) run as a real child process.</summary>
internal static class AlmanacProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "almanac.dll");

    /// <summary>Standard error without the sanity gate's notes, which are findings about a corpus (a line whose day gave no event), not failures.</summary>
    public static string WithoutSanityNotes(string error) =>
        string.Join('\n', error.Split('\n').Where(line => line.Length > 0 && !line.Contains(": sanity: ", StringComparison.Ordinal)));

    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs to the end and returns what it printed; fails the test when it takes longer than <paramref name="limit"/>.</summary>
    public static (int ExitCode, string Out, string Error) Run(TimeSpan limit, params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"almanac {string.Join(' ', args)} did not finish within {limit.TotalSeconds} s");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
