using Almanac.Core;

namespace Almanac.Text.Tests;

/// <summary>The real seed pages in shared/seeds, found beside the repository root (the folder holding Almanac.slnx).</summary>
internal static class Seeds
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
        throw new InvalidOperationException("Almanac.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string number) =>
        Directory.GetFiles(Folder.Value, number + "_*.txt").Single();

    public static ReadDocument Read(string number)
    {
        var result = DocumentReader.Read(PathOf(number));
        Assert.True(result.IsSuccess, result.Failure?.Reason);
        return result.Document;
    }

    public static bool HasBlockContaining(ReadDocument document, string text) =>
        document.Blocks.Any(b => b.Text.Contains(text, StringComparison.Ordinal));
}
