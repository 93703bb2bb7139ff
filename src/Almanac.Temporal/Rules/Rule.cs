using System.Buffers;
using System.Text.RegularExpressions;
using Almanac.Core;

namespace Almanac.Temporal.Rules;

/// <summary>An expression a rule must tag whole, with the value it must get (checked by the tests).</summary>
internal sealed record RuleExample(string Text, string Expected);

/// <summary>
/// One pattern of rules.txt. <see cref="Pattern"/> is anchored (\G) so it is tried only at the
/// word starts listed in <see cref="Starts"/>; its named groups say what each part means. When
/// <see cref="Needs"/> is set, every match contains one of those words, so the pattern is not tried
/// where none follows within <see cref="RuleSet.NeedsReach"/> characters.
/// </summary>
internal sealed record Rule(
    string Name,
    int Order,
    RulePattern Pattern,
    TimexType Type,
    string? Value,
    string? Mod,
    string? Quant,
    int? Rel,
    IReadOnlyList<string> Starts,
    IReadOnlyList<RuleExample> Examples,
    SearchValues<string>? Needs = null);
