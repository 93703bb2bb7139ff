using Almanac.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almanac.Events.Tests;

/// <summary>
/// The lookups by decisive words (<see cref="ClusterIndex"/>, <see cref="EventResolver.MentionsMeeting"/>) skip only what
/// could not meet: checked against comparing every pair, on many events in a few years, where the lookups are used.
/// </summary>
public sealed class DecisiveWordsTests
{
    // A few common words and many rare ones, as in real text: common words make many candidates, rare ones few.
    private static readonly string[] Vocabulary =
        [.. Enumerable.Range(0, 4).Select(i => $"common{i}"), .. Enumerable.Range(0, 60).Select(i => $"rare{i}")];
    private static readonly string[] Names = ["Khrushchev", "Imre Nagy", "Eisenhower", "Moscow", "Hungary"];

    private static readonly Gen<HistoricalDate> Dates = Gen.OneOf(
        Gen.Choose(1950, 1953).Select(HistoricalDate.InYear),
        Gen.Choose(1950, 1953).SelectMany(y => Gen.Choose(1, 12).Select(m => HistoricalDate.InMonth(y, m))),
        Gen.Choose(1950, 1953).SelectMany(y => Gen.Choose(1, 3).Select(d => HistoricalDate.OnDay(y, 6, d))));

    private static readonly Gen<EventMention> Mentions =
        from date in Dates
        from words in Gen.Elements(Vocabulary).NonEmptyListOf()
        from people in Gen.SubListOf(Names.Take(3))
        from places in Gen.SubListOf(Names.Skip(3))
        from document in Gen.Elements("a", "b", "c", "d")
        from start in Gen.Choose(0, 1000)
        select new EventMention(document, MentionKind.Event, date, null, "", string.Join(" ", words), start, start + 10,
            people.Take(1).ToList(), places.Take(1).ToList(), words.Take(5).ToList());

    private static Gen<List<EventMention>> Many(int count) => Gen.ListOf(Mentions, count).Select(l => l.ToList());

    [Property(MaxTest = 60)]
    public Property Near_AnyMention_GivesEveryClusterItCouldJoin() =>
        Prop.ForAll(Many(150).ToArbitrary(), Mentions.NonEmptyListOf().ToArbitrary(), (founding, queries) =>
        {
            var weights = new KeywordWeights([.. founding, .. queries]);
            var index = new ClusterIndex(weights);
            var clusters = new List<Cluster>();
            var missed = 0;
            foreach (var (mention, i) in founding.Select((m, i) => (m, i)))
            {
                // Every third mention joins an earlier cluster, so clusters grow, before and after the index first
                // looks clusters up by their terms, and must be found by what they gained.
                if (i % 3 == 2)
                {
                    var grown = clusters[i % clusters.Count];
                    index.Grew(grown, grown.Add(mention));
                }
                else
                {
                    var cluster = new Cluster(mention, clusters.Count, weights);
                    clusters.Add(cluster);
                    index.Add(cluster);
                }
                if (i % 10 == 9 || i == founding.Count - 1)
                    missed += queries.Count(query => Missed(index, clusters, query, weights));
            }
            return missed == 0;
        });

    private static bool Missed(ClusterIndex index, List<Cluster> clusters, EventMention query, KeywordWeights weights)
    {
        var near = index.Near(query).ToHashSet();
        return clusters.Any(c => c.DateCompatible(query) && c.Similarity(query, weights) >= EventResolver.MinSimilarity && !near.Contains(c));
    }

    [Property(MaxTest = 40)]
    public Property MentionsMeeting_ManyEvents_IsEveryMentionEachCouldMeet() =>
        Prop.ForAll(Many(240).ToArbitrary(), Many(20).ToArbitrary(), (stored, mentions) =>
        {
            var all = stored.Concat(mentions).ToList();
            var frequencies = new KeywordFrequencies(all.Count, all.SelectMany(m => m.Keywords.Distinct())
                .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()));
            var events = stored.Chunk(2).Select(e => (IReadOnlyList<EventMention>)e.ToList()).ToList();
            var resolver = new EventResolver(keywordFrequencies: frequencies);
            var weights = new KeywordWeights(frequencies);

            var meeting = resolver.MentionsMeeting(events, mentions);

            return events.Select((e, i) => meeting[i].SequenceEqual(mentions.Where(m => resolver.CouldMeet(e, m, weights)))).All(x => x);
        });

    [Fact]
    public void Near_MentionsAmongThousandsOfTheSameYears_AreComparedOnlyWithThoseSharingTheirRareWords()
    {
        var mentions = Enumerable.Range(0, 2000)
            .Select(i => new EventMention("a", MentionKind.Event, HistoricalDate.InYear(1950 + i % 3), null, "", "", i, i + 1, [], [], [$"name{i}", $"place{i % 500}", "council"]))
            .ToList();
        var queries = Enumerable.Range(0, 10).Select(i => mentions[i] with { DocumentId = "b", Keywords = [$"name{i}", "council", "met"] }).ToList();
        var weights = new KeywordWeights([.. mentions, .. queries]);
        var index = new ClusterIndex(weights);
        foreach (var (mention, i) in mentions.Select((m, i) => (m, i)))
            index.Add(new Cluster(mention, i, weights));

        var compared = queries.Select(q => index.Near(q).Count()).ToList();

        Assert.Equal(1334, compared[0]); // every event of 1949-1951: filing them would cost as much
        Assert.Equal(1, compared[^1]);
    }

    [Fact]
    public void Of_AWordWeighingNothing_IsUnbounded()
    {
        var weights = new KeywordWeights(new KeywordFrequencies(3, new Dictionary<string, int> { ["everywhere"] = 9, ["speech"] = 1 }));

        Assert.True(DecisiveWords.Of(["speech", "everywhere"], weights).Unbounded);
        Assert.False(DecisiveWords.Of(["speech"], weights).Unbounded);
        Assert.Equal(["speech"], DecisiveWords.Of(["speech"], weights).Decided);
    }
}
