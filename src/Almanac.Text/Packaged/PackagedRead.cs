namespace Almanac.Text.Packaged;

/// <summary>What a reader of a binary or zipped format made of a file: its title and blocks, or why it could not read it.</summary>
internal sealed record PackagedRead(string Title, IReadOnlyList<RawBlock> Blocks, string? Failure)
{
    public static PackagedRead Failed(string reason) => new("", [], reason);

    /// <summary>Paragraphs of running text: blank lines part them; a line broken with a hyphen joins the next without it.</summary>
    public static IEnumerable<string> Paragraphs(string text)
    {
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
                continue;
            var joined = new System.Text.StringBuilder(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                if (joined.Length > 1 && joined[^1] == '-' && char.IsLetter(joined[^2]) && char.IsLower(line[0]))
                    joined.Length--;
                else
                    joined.Append(' ');
                joined.Append(line);
            }
            yield return joined.ToString();
        }
    }
}
