using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

public sealed class WordIndexTests
{
    private static readonly string[] Vocabulary = ["council", "met", "speech", "secret", "troops", "treaty", "signed"];

    private static readonly Gen<HashSet<string>> Words = Gen.SubListOf(Vocabulary).Select(w => w.ToHashSet(StringComparer.Ordinal));

    [Property(MaxTest = 500)]
    public Property SharingAtLeast_AnyItemsAndWords_IsEveryItemHoldingThatManyInOrder() =>
        Prop.ForAll(Words.ListOf().ToArbitrary(), Words.ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (items, words, atLeast) =>
        {
            var index = new WordIndex(items.Select((w, i) => (i, (IReadOnlySet<string>)w)));
            var expected = items.Select((w, i) => (w, i)).Where(x => x.w.Count(words.Contains) >= atLeast).Select(x => x.i);
            return index.SharingAtLeast(words, atLeast).SequenceEqual(expected);
        });
}
