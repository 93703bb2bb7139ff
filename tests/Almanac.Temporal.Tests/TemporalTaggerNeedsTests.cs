using System.Text.RegularExpressions;
using Almanac.Core;
using Almanac.Temporal.Rules;
using Almanac.Temporal.TimeMl;
using Almanac.TestSupport;

namespace Almanac.Temporal.Tests;

/// <summary>
/// The needs: lines of rules.txt only save work: on real documents the tagger gives the same tags with
/// them as with the same rules without them.
/// </summary>
public sealed class TemporalTaggerNeedsTests
{
    [Theory]
    [InlineData("timebank", AnchorMode.News)]
    [InlineData("wikiwars-train", AnchorMode.Narrative)]
    public void Tag_CorpusDocuments_SameTagsWithAndWithoutNeedsPrefilter(string corpus, AnchorMode mode)
    {
        var withNeeds = TemporalTagger.Default;
        var withoutNeeds = new TemporalTagger(LoadWithoutNeeds());
        Assert.Contains(withNeeds.Rules.Rules, r => r.Needs is not null);
        Assert.DoesNotContain(withoutNeeds.Rules.Rules, r => r.Needs is not null);

        foreach (var file in Directory.GetFiles(SharedFolder.Corpus(corpus), "*.tml"))
        {
            Assert.True(TimeMlDocument.TryParse(File.ReadAllText(file), out var document, out _), file);
            var context = new TaggingContext(document!.CreationDate, mode);
            var expected = withoutNeeds.Tag(document.PlainText, context).Select(Describe);
            var actual = withNeeds.Tag(document.PlainText, context).Select(Describe);
            Assert.Equal(expected, actual);
        }
    }

    private static string Describe(Timex t) => $"{t.Start}-{t.End} {t.Type} {t.Value} {t.Mod}";

    private static RuleSet LoadWithoutNeeds()
    {
        var assembly = typeof(RuleSet).Assembly;
        using var rules = new StreamReader(assembly.GetManifestResourceStream("Almanac.Temporal.rules.txt")!);
        using var vocabulary = new StreamReader(assembly.GetManifestResourceStream("Almanac.Temporal.vocabulary.txt")!);
        var text = Regex.Replace(rules.ReadToEnd(), @"^needs: .*\n", "", RegexOptions.Multiline);
        return RuleSet.Load(new StringReader(text), Vocabulary.Parse(vocabulary));
    }
}
