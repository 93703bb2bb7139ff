using System.Text;
using Almanac.Core;

namespace Almanac.Text.Tests;

internal static class Reading
{
    public static ReadDocument Document(string path, string content)
    {
        var result = DocumentReader.Read(path, Encoding.UTF8.GetBytes(content));
        Assert.True(result.IsSuccess, result.Failure?.Reason);
        return result.Document;
    }

    public static string Failure(string path, byte[] content)
    {
        var result = DocumentReader.Read(path, content);
        Assert.False(result.IsSuccess, "expected a failure");
        return result.Failure.Reason;
    }

    public static string Prose(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => i % 9 == 8 ? "speech." : "word"));
}
