using System.Text;
using Almanac.Core;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Almanac.Text.Plain;

/// <summary>
/// Turns Markdown into the blocks it shows, parsed by Markdig (CommonMark, with pipe tables): headings, list items
/// (a nested list's items are blocks of their own), paragraphs, quoted and code text, and table rows as
/// "cell | cell | cell". Inline markup gives the text a reader sees: links and images their text, autolinks their
/// address, emphasis and code their words; HTML tags and link definitions go. A paragraph keeps its line breaks
/// unless it is hard-wrapped, as in plain text, so a day page's "1961 – …" lines stay lines.
/// </summary>
internal static class MarkdownBlockReader
{
    /// <summary>Deeper nesting than this (quotes in lists in quotes…) is read as the text of the level it reaches.</summary>
    private const int MaxDepth = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static IReadOnlyList<RawBlock> Read(string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(Visible(text), Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses elements nested past its depth limit (100,000 ">" or "["): no page a person writes
            // looks like that, and its words are still read, as plain text.
            return PlainTextBlockReader.Read(text);
        }
        var blocks = new List<RawBlock>();
        AddChildren(document, blocks, BlockKind.Paragraph, 0);
        return blocks;
    }

    /// <summary>The text without invisible characters, no-break spaces as spaces (tabs stay: they indent Markdown).</summary>
    private static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u00A0')
                builder.Append(' ');
            else if (c is '\t' or '\n' or '\r' || !TextCleaning.IsInvisible(c))
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static void AddChildren(ContainerBlock container, List<RawBlock> blocks, BlockKind kind, int depth)
    {
        foreach (var block in container)
            AddBlock(block, blocks, kind, depth + 1);
    }

    private static void AddBlock(Block block, List<RawBlock> blocks, BlockKind kind, int depth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                Add(blocks, BlockKind.Heading, InlineText(heading.Inline));
                break;
            case ParagraphBlock paragraph:
                Add(blocks, kind, PlainTextBlockReader.Unwrap(InlineText(paragraph.Inline).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()));
                break;
            case ListItemBlock item when depth < MaxDepth:
                AddListItem(item, blocks, depth);
                break;
            case Table table when depth < MaxDepth:
                foreach (var row in table.OfType<TableRow>())
                    Add(blocks, BlockKind.Paragraph, string.Join(" | ", row.OfType<TableCell>().Select(CellText)));
                break;
            case ContainerBlock container when depth < MaxDepth:
                AddChildren(container, blocks, kind, depth);
                break;
            case HtmlBlock html:
                // Raw HTML in Markdown shows its text, not its tags.
                Add(blocks, kind, Structure.Markup.Without(html.Lines.ToString()));
                break;
            case ThematicBreakBlock or LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                break;
            case LeafBlock leaf:
                Add(blocks, kind, leaf.Lines.ToString());
                break;
            case ContainerBlock deep:
                Add(blocks, kind, string.Join('\n', deep.Descendants<LeafBlock>().Select(LeafText)));
                break;
        }
    }

    /// <summary>A list item is one block: its own paragraphs joined; a list nested in it gives blocks of its own.</summary>
    private static void AddListItem(ListItemBlock item, List<RawBlock> blocks, int depth)
    {
        var own = new List<string>();
        var nested = new List<Block>();
        foreach (var child in item)
        {
            if (child is ParagraphBlock paragraph && nested.Count == 0)
                own.Add(InlineText(paragraph.Inline));
            else
                nested.Add(child);
        }
        Add(blocks, BlockKind.ListItem, string.Join('\n', own));
        foreach (var child in nested)
            AddBlock(child, blocks, BlockKind.ListItem, depth + 1);
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.Descendants<LeafBlock>().Select(LeafText)).Trim();

    private static string LeafText(LeafBlock leaf) => leaf.Inline is { } inline ? InlineText(inline) : leaf.Lines.ToString();

    private static void Add(List<RawBlock> blocks, BlockKind kind, string text)
    {
        var clean = text.Trim();
        if (clean.Length > 0)
            blocks.Add(new RawBlock(kind, clean));
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
            Append(inline, text);
        return text.ToString();
    }

    /// <summary>Walks the inlines without recursion: a line of ten thousand nested brackets or stars is no deeper a walk.</summary>
    private static void Append(ContainerInline root, StringBuilder text)
    {
        var pending = new Stack<Inline>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case HtmlInline:
                    break; // a tag: no words
                case DelimiterInline delimiter:
                    // A bracket or star that closed nothing is text as written; what it holds follows it.
                    text.Append(delimiter.ToLiteral());
                    PushChildren(delimiter, pending);
                    break;
                case ContainerInline container:
                    PushChildren(container, pending);
                    break;
            }
        }
    }

    private static void PushChildren(ContainerInline container, Stack<Inline> pending)
    {
        var children = new List<Inline>();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
            children.Add(child);
        for (var i = children.Count - 1; i >= 0; i--)
            pending.Push(children[i]);
    }
}
