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

internal static class Seeds
{
    public static string Corpora => Path.GetFullPath(Path.Combine(Folder, "..", "corpora"));

    /// <summary>The shared seed documents beside the repository: ../shared/seeds from the folder holding Almanac.slnx.</summary>
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Almanac.slnx")))
                directory = directory.Parent;
            var root = directory ?? throw new InvalidOperationException("Almanac.slnx not found above " + AppContext.BaseDirectory);
            var seeds = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "seeds"));
            return Directory.Exists(seeds) ? seeds : throw new InvalidOperationException($"seed documents not found at {seeds}");
        }
    }
}
