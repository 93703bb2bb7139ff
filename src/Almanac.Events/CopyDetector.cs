using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Groups documents into lineages by the long passages they share. Every run of
/// <see cref="ShingleWords"/> words (lower-cased) is a shingle; two documents are copies when they
/// share at least <see cref="MinSharedShingles"/> shingles and those cover at least
/// <see cref="MinSharedShare"/> of the smaller one, so a quotation both cite does not make two
/// essays one source, while a reproduced article does. Copying is transitive: lineages are the
/// connected groups.
/// </summary>
public static class CopyDetector
{
    public const int ShingleWords = 8;
    public const int MinSharedShingles = 25;
    public const double MinSharedShare = 0.1;

    /// <summary>A shingle in more documents than this is a formula (a licence line, a feed footer), not a copied passage.</summary>
    public const int MaxHolders = 50;

    public static IReadOnlyList<Lineage> Detect(IReadOnlyList<SourceDocument> documents)
    {
        var words = documents.ToDictionary(d => d.Id, d => Words.Split(d.Text), StringComparer.Ordinal);
        var shingles = documents.ToDictionary(d => d.Id, d => Shingles(d.Text, words[d.Id]), StringComparer.Ordinal);
        // Which documents hold each shingle, to find pairs without comparing every pair.
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (var shingle in shingles[document.Id].Keys)
                (holders.TryGetValue(shingle, out var list) ? list : holders[shingle] = []).Add(document.Id);
        var sharedCounts = new Dictionary<(string, string), int>();
        foreach (var list in holders.Values.Where(l => l.Count is > 1 and <= MaxHolders))
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    sharedCounts[Pair(list[i], list[j])] = sharedCounts.GetValueOrDefault(Pair(list[i], list[j])) + 1;

        var parent = documents.ToDictionary(d => d.Id, d => d.Id, StringComparer.Ordinal);
        var passages = new List<SharedPassage>();
        foreach (var ((a, b), count) in sharedCounts.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            var smaller = Math.Min(shingles[a].Count, shingles[b].Count);
            if (count < MinSharedShingles || count < MinSharedShare * smaller)
                continue;
            parent[Find(a)] = Find(b);
            var text = documents.First(d => d.Id == a).Text;
            passages.AddRange(Passages(a, b, text, words[a], shingles[a], shingles[b]));
        }
        return documents
            .GroupBy(d => Find(d.Id), StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
                return new Lineage(ids[0], ids, passages.Where(p => ids.Contains(p.DocumentId)).ToList());
            })
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .ToList();

        string Find(string id)
        {
            while (parent[id] != id)
                id = parent[id] = parent[parent[id]];
            return id;
        }
    }

    /// <summary>
    /// The hashes of a text's distinct shingles (64-bit FNV-1a of the lower-cased words), which the store files a document
    /// under so the documents sharing passages with a new one are found through an index, not by reading every text.
    /// </summary>
    public static IReadOnlyList<long> ShingleHashes(string text) =>
        Shingles(text, Words.Split(text)).Keys.Select(Hash).Distinct().ToList();

    /// <summary>
    /// The documents that could share a passage with a new one, from the holders of its shingle hashes: those holding at
    /// least <see cref="MinSharedShingles"/> of them, leaving out formulas (a hash with more than <see cref="MaxHolders"/> holders).
    /// Each candidate is then compared text to text with <see cref="Detect"/>.
    /// </summary>
    public static IReadOnlyList<string> CopyCandidates(string documentId, IReadOnlyList<(long Shingle, string DocumentId)> holders) => holders
        .GroupBy(h => h.Shingle)
        .Where(g => g.Count() <= MaxHolders)
        .SelectMany(g => g.Select(h => h.DocumentId))
        .Where(id => id != documentId)
        .GroupBy(id => id, StringComparer.Ordinal)
        .Where(g => g.Count() >= MinSharedShingles)
        .Select(g => g.Key)
        .Order(StringComparer.Ordinal)
        .ToList();

    private static long Hash(string shingle)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var c in shingle)
            hash = unchecked((hash ^ c) * prime);
        return unchecked((long)hash);
    }

    /// <summary>A lookup from document to lineage id; documents not in any lineage are their own.</summary>
    public static Func<string, string> LineageOf(IReadOnlyList<Lineage> lineages)
    {
        var map = lineages.SelectMany(l => l.DocumentIds.Select(d => (d, l.Id))).ToDictionary(x => x.d, x => x.Id, StringComparer.Ordinal);
        return id => map.GetValueOrDefault(id, id);
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    /// <summary>Each shingle of a text with the index of its first word, first occurrence kept.</summary>
    private static Dictionary<string, int> Shingles(string text, List<Word> words)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleWords <= words.Count; i++)
            result.TryAdd(string.Join(' ', words.Skip(i).Take(ShingleWords).Select(w => w.Text.ToLowerInvariant())), i);
        return result;
    }

    /// <summary>Runs of consecutive shared shingles in <paramref name="a"/>, each turned into the passage of text it covers.</summary>
    private static IEnumerable<SharedPassage> Passages(string a, string b, string text, List<Word> words, Dictionary<string, int> own, Dictionary<string, int> other)
    {
        var starts = own.Where(s => other.ContainsKey(s.Key)).Select(s => s.Value).Order().ToList();
        var i = 0;
        while (i < starts.Count)
        {
            var j = i;
            while (j + 1 < starts.Count && starts[j + 1] <= starts[j] + 1)
                j++;
            var first = words[starts[i]];
            var last = words[starts[j] + ShingleWords - 1];
            yield return new SharedPassage(a, b, text[first.Start..last.End], starts[j] - starts[i] + ShingleWords);
            i = j + 1;
        }
    }
}
