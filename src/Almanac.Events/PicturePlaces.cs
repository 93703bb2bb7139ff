using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Where a document's pictures stand among its blocks, to give each mention the picture beside the passage it comes
/// from: the picture in the mention's own block, else (in prose) the nearest within <see cref="MaxBlockDistance"/>
/// blocks, the one before first (a figure stands above the paragraph it illustrates). On a day page every entry is a
/// block of its own, so an entry takes only its own block's picture, never its neighbour's.
/// </summary>
internal sealed class PicturePlaces
{
    private const int MaxBlockDistance = 2;

    private readonly int[] _starts;
    private readonly IReadOnlyList<TextBlock> _blocks;
    private readonly bool _ownBlockOnly;

    private PicturePlaces(ReadDocument document)
    {
        _blocks = document.Blocks;
        _starts = new int[_blocks.Count];
        var offset = 0;
        for (var i = 0; i < _blocks.Count; i++)
        {
            _starts[i] = offset;
            offset += _blocks[i].Text.Length + 2;
        }
        _ownBlockOnly = document.DayPage is not null;
    }

    /// <summary>Gives each mention the picture by its passage; the mentions as they are when the document shows none.</summary>
    public static IReadOnlyList<EventMention> Attach(ReadDocument document, IReadOnlyList<EventMention> mentions)
    {
        if (document.Blocks.All(b => b.Pictures.Count == 0))
            return mentions;
        var places = new PicturePlaces(document);
        return mentions.Select(m => places.Near(m.SentenceStart) is { } picture ? m with { Picture = picture } : m).ToList();
    }

    private Picture? Near(int offset)
    {
        var found = Array.BinarySearch(_starts, offset);
        var block = found >= 0 ? found : ~found - 1;
        if (block < 0)
            return null;
        if (_blocks[block].Pictures.Count > 0)
            return _blocks[block].Pictures[0];
        if (_ownBlockOnly)
            return null;
        for (var distance = 1; distance <= MaxBlockDistance; distance++)
        {
            if (block - distance >= 0 && _blocks[block - distance].Pictures is [var before, ..])
                return before;
            if (block + distance < _blocks.Count && _blocks[block + distance].Pictures is [var after, ..])
                return after;
        }
        return null;
    }
}
