using Almanac.Core;

namespace Almanac.Text;

/// <summary>A block as a reader found it, before boilerplate removal; <paramref name="LinkDensity"/> is the share of its characters inside links (HTML only).</summary>
internal sealed record RawBlock(BlockKind Kind, string Text, double LinkDensity = 0);
