namespace Almanac.Temporal.Tests;

/// <summary>A line of Cases/seeds.txt: an expression in a seed document and the value it must get.</summary>
public sealed record SeedCase(string Seed, string Expression, string Expected)
{
    public override string ToString() => $"{Seed}: {Expression} => {Expected}";

    public static IEnumerable<SeedCase> Load() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", "seeds.txt"))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(parts => new SeedCase(parts[0], parts[1], parts[2]));

    /// <summary>The seed text, read where it lives (shared/seeds next to the repository), never copied.</summary>
    public static string ReadSeed(string prefix)
    {
        var seeds = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds"));
        return File.ReadAllText(Directory.GetFiles(seeds, prefix + "_*.txt").Single());
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Almanac.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("repository root (Almanac.slnx) not found above " + AppContext.BaseDirectory);
    }
}
