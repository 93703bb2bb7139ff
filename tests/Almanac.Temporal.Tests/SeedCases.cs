using Almanac.TestSupport;
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
    public static string ReadSeed(string prefix) => File.ReadAllText(SharedFolder.Seed(prefix));
}
