namespace Almanac.TestSupport;

/// <summary>
/// The team's shared data beside the repository: ../shared/seeds and ../shared/corpora, found from
/// the folder that holds Almanac.slnx. Tests read them in place; nothing is copied into the repository.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Almanac.slnx")))
                return directory.FullName;
        throw new DirectoryNotFoundException("the repository root (the folder holding Almanac.slnx) is not above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>The five seed documents.</summary>
    public static string Seeds => Existing(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    /// <summary>A corpus folder such as "timebank" or "wikipedia-days".</summary>
    public static string Corpus(string name) => Existing(Path.Combine(RepositoryRoot, "..", "shared", "corpora", name));

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("000").</summary>
    public static string Seed(string number) => Directory.GetFiles(Seeds, number + "_*.txt").Single();

    private static string Existing(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : throw new DirectoryNotFoundException($"shared data not found at {full}");
    }
}
