using Almanac.TestSupport;
using Almanac.Core;

namespace Almanac.Text.Tests;

/// <summary>The real seed pages in shared/seeds, read in place.</summary>
internal static class Seeds
{
    public static string PathOf(string number) => SharedFolder.Seed(number);

    public static ReadDocument Read(string number)
    {
        var result = DocumentReader.Read(PathOf(number));
        Assert.True(result.IsSuccess, result.Failure?.Reason);
        return result.Document;
    }

    public static bool HasBlockContaining(ReadDocument document, string text) =>
        document.Blocks.Any(b => b.Text.Contains(text, StringComparison.Ordinal));
}
