namespace Almanac.Events;

/// <summary>The lines of one of this assembly's embedded data files, without blank lines and '#' comments.</summary>
internal static class EmbeddedLines
{
    public static List<string> Read(string name)
    {
        var resource = $"Almanac.Events.{name}.txt";
        using var stream = typeof(EmbeddedLines).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
                lines.Add(line);
        }
        return lines;
    }
}
