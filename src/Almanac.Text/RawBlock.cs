using Almanac.Core;

namespace Almanac.Text;

/// <summary>A block as a reader found it, before boilerplate removal; <paramref name="LinkDensity"/> is the share of its characters inside links (HTML only).</summary>
internal sealed record RawBlock(BlockKind Kind, string Text, double LinkDensity = 0)
{
    /// <summary>The pictures standing in the block or just before it (HTML only), as the page writes them.</summary>
    public IReadOnlyList<Picture> Pictures { get; init; } = [];
}
