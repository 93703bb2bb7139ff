using Microsoft.Extensions.Time.Testing;

namespace Almanac.Cli.Tests;

/// <summary>Runs the `almanac` command in-process against a temporary store, capturing what it prints.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("almanac-cli-").FullName;

    public CliRun(DateTimeOffset? now = null) =>
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 6, 4, 12, 0, 0, TimeSpan.Zero));

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(_folder, "almanac.db");

    public string Folder => _folder;

    public (int ExitCode, string Out, string Error) Run(params string[] args) => RunWithInput("", args);

    public (int ExitCode, string Out, string Error) RunWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(Clock, TimeZoneInfo.Utc, output, error, IsTerminal: false) { In = new StringReader(input) };
        var exitCode = AlmanacCli.Run([.. args, "--db", DatabasePath], environment);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
