using System.Reflection;

namespace Almanac.Text;

/// <summary>
/// Reads the embedded data files: one entry per line, blank lines and lines starting with '#' ignored.
/// A missing resource is a build mistake and fails loudly at first use.
/// </summary>
internal static class Lexicon
{
    public static IReadOnlyList<(int Line, string Text)> Lines(string fileName)
    {
        var name = $"Almanac.Text.Resources.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<(int, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length > 0 && !text.StartsWith('#'))
                lines.Add((number, text));
        }
        return lines;
    }
}
