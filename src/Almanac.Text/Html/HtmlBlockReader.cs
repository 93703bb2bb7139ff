using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Almanac.Core;

namespace Almanac.Text.Html;

/// <summary>
/// Turns HTML into blocks: headings, paragraphs and list items, with boilerplate elements (navigation, scripts,
/// sidebars, comment sections…) skipped by tag, role, class and id. The walk over the tree is iterative, with an
/// explicit stack, and the HTML is flattened below
/// <see cref="HtmlDepthLimit.MaxDepth"/> levels first, so a page nested 100,000 levels deep is read like any other.
/// </summary>
internal sealed class HtmlBlockReader
{
    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "li", "dt", "dd", "ul", "ol", "dl", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "caption", "figure", "figcaption",
        "address", "details", "summary", "hr", "body", "center", "hgroup",
    ];

    private static readonly HashSet<string> NeverSkippedByName = ["html", "body", "main", "article"];

    private readonly HtmlRules _rules;
    private readonly List<RawBlock> _blocks = [];
    private readonly List<BlockKind> _kinds = [];
    private readonly StringBuilder _text = new();
    private readonly List<Picture> _pictures = [];
    private int _linkChars;
    private int _anchorDepth;
    private int _contentDepth;
    private string? _firstH1;

    private HtmlBlockReader(HtmlRules rules) => _rules = rules;

    public static (string Title, IReadOnlyList<RawBlock> Blocks) Read(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(HtmlDepthLimiter.Limit(html));
        var reader = new HtmlBlockReader(HtmlRules.Default);
        reader.Walk(document.Body ?? (INode?)document.DocumentElement ?? document);
        var title = Clean(document.Title ?? "");
        return (title.Length > 0 ? title : reader._firstH1 ?? "", reader._blocks);
    }

    private readonly record struct Frame(INode Node, bool Exit);

    private void Walk(INode root)
    {
        var stack = new Stack<Frame>();
        stack.Push(new(root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                AppendText(text.Data);
                continue;
            }
            if (node is not IElement element)
            {
                if (node is IDocument)
                    PushChildren(stack, node);
                continue;
            }
            var tag = element.LocalName;
            if (exit)
            {
                Leave(element, tag);
                continue;
            }
            if (tag == "br")
            {
                _text.Append('\n');
                continue;
            }
            if (IsSkipped(element, tag))
                continue;
            if (tag == "img")
            {
                if (HtmlPictures.Of(element) is { } picture)
                    _pictures.Add(picture);
                continue;
            }
            Enter(tag);
            stack.Push(new(element, true));
            PushChildren(stack, element);
        }
        Flush(BlockKind.Paragraph);
        // Pictures after the last text belong to the last block.
        if (_pictures.Count > 0 && _blocks.Count > 0)
            _blocks[^1] = _blocks[^1] with { Pictures = [.. _blocks[^1].Pictures, .. _pictures] };
    }

    private static void PushChildren(Stack<Frame> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
            stack.Push(new(children[i], false));
    }

    private void Enter(string tag)
    {
        if (BlockTags.Contains(tag))
            Flush(CurrentKind);
        if (tag is "article" or "main")
            _contentDepth++;
        else if (tag == "a")
            _anchorDepth++;
        if (KindOf(tag) is { } kind)
            _kinds.Add(kind);
    }

    private void Leave(IElement element, string tag)
    {
        if (BlockTags.Contains(tag))
        {
            var start = _blocks.Count;
            Flush(CurrentKind);
            if (tag == "h1" && _firstH1 is null && _blocks.Count > start)
                _firstH1 = _blocks[^1].Text;
        }
        if (tag is "article" or "main")
            _contentDepth--;
        else if (tag == "a")
            _anchorDepth--;
        if (KindOf(tag) is not null)
            _kinds.RemoveAt(_kinds.Count - 1);
    }

    private BlockKind CurrentKind => _kinds.Count > 0 ? _kinds[^1] : BlockKind.Paragraph;

    private static BlockKind? KindOf(string tag) => tag switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dt" or "dd" => BlockKind.ListItem,
        _ => null,
    };

    private bool IsSkipped(IElement element, string tag)
    {
        // An article's own <header> holds its headline and byline; only the page header is chrome.
        if (tag == "header" && _contentDepth > 0)
            return false;
        if (_rules.Tags.Contains(tag))
            return true;
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
            return true;
        if (element.GetAttribute("style") is { } style && IsHiddenStyle(style))
            return true;
        if (element.GetAttribute("role") is { } role && _rules.Roles.Contains(role.Trim().ToLowerInvariant()))
            return true;
        if (NeverSkippedByName.Contains(tag))
            return false;
        return (element.GetAttribute("class") is { } cls && _rules.IsBoilerplateName(cls))
            || (element.Id is { } id && _rules.IsBoilerplateName(id));
    }

    private static bool IsHiddenStyle(string style)
    {
        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private void AppendText(string data)
    {
        var before = _text.Length;
        foreach (var c in data)
        {
            // Collapse HTML whitespace as a browser does; keep explicit line breaks from <br>.
            if (char.IsWhiteSpace(c))
            {
                if (_text.Length > 0 && !char.IsWhiteSpace(_text[^1]))
                    _text.Append(' ');
            }
            else if (!TextCleaning.IsInvisible(c))
            {
                _text.Append(c);
            }
        }
        if (_anchorDepth > 0)
            _linkChars += _text.Length - before;
    }

    private void Flush(BlockKind kind)
    {
        var text = Clean(_text.ToString());
        if (text.Length > 0)
        {
            var density = Math.Min(1.0, _linkChars / (double)Math.Max(1, text.Length));
            // A picture belongs to the block it stands in or, standing alone (a figure), to the block that follows it.
            _blocks.Add(new RawBlock(kind, text, density) { Pictures = _pictures.Count == 0 ? Array.Empty<Picture>() : _pictures.ToArray() });
            _pictures.Clear();
        }
        _text.Clear();
        _linkChars = 0;
    }

    /// <summary>Trims each line, drops empty lines and turns no-break spaces into spaces.</summary>
    private static string Clean(string text)
    {
        var lines = text.Replace('\u00A0', ' ').Split('\n')
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }
}
