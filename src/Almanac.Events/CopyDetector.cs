using System.Runtime.CompilerServices;
using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// Groups documents into lineages by the long passages they share. Every run of
/// <see cref="ShingleWords"/> words (lower-cased) is a shingle; two documents are copies when they
/// share at least <see cref="MinSharedShingles"/> shingles, those cover at least
/// <see cref="MinSharedShare"/> of the smaller one, and they share <see cref="MinSharedFingerprints"/> fingerprints
/// (<see cref="Fingerprints"/>; always so when one passage they share is <see cref="MinSharedShingles"/> shingles long),
/// so a quotation both cite does not make two essays one source, while a reproduced article does.
/// Copying is transitive: lineages are the connected groups.
/// </summary>
public static class CopyDetector
{
    public const int ShingleWords = 8;
    public const int MinSharedShingles = 25;
    public const double MinSharedShare = 0.1;

    /// <summary>A shingle in more documents than this is a formula (a licence line, a feed footer), not a copied passage.</summary>
    public const int MaxHolders = 50;

    /// <summary>
    /// Fingerprints two copies share at least. A phrase that happens to be chosen in two texts (a heading, a stock
    /// sentence) gives one, and does not make them candidates to compare text to text.
    /// </summary>
    public const int MinSharedFingerprints = 2;

    /// <summary>
    /// Shingles per winnowing window: any passage of this many consecutive shingles two documents share gives them a
    /// fingerprint in common. A passage of <see cref="MinSharedShingles"/>, the fewest a copy shares, spans two disjoint
    /// windows, so two documents sharing one always share <see cref="MinSharedFingerprints"/> fingerprints.
    /// </summary>
    public const int FingerprintWindow = MinSharedShingles / MinSharedFingerprints;

    public static IReadOnlyList<Lineage> Detect(IReadOnlyList<SourceDocument> documents)
    {
        var words = documents.ToDictionary(d => d.Id, d => Words.Split(d.Text), StringComparer.Ordinal);
        var sequences = documents.ToDictionary(d => d.Id, d => ShingleSequence(words[d.Id]), StringComparer.Ordinal);
        var shingles = sequences.ToDictionary(s => s.Key, s => FirstStarts(s.Value), StringComparer.Ordinal);
        var fingerprints = sequences.ToDictionary(s => s.Key, s => Winnow(Array.ConvertAll(s.Value, Hash)), StringComparer.Ordinal);
        var fingerprintHolders = fingerprints.Values.SelectMany(f => f).CountBy(f => f).ToDictionary();
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
            if (count < MinSharedShingles || count < MinSharedShare * smaller
                || fingerprints[a].Count(f => fingerprintHolders[f] <= MaxHolders && fingerprints[b].Contains(f)) < MinSharedFingerprints)
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
    /// The text's fingerprints, which the store files a document under so the documents sharing passages with a new one
    /// are found through an index, not by reading every text: by winnowing (Schleimer, Wilkerson and Aiken, 2003), the
    /// smallest shingle hash (64-bit FNV-1a of the lower-cased words) of every <see cref="FingerprintWindow"/> consecutive
    /// shingles, the rightmost on a tie. Two texts sharing a passage that long select the same hash in it, and a text keeps
    /// about 2 in <see cref="FingerprintWindow"/> + 1 of its shingles (a day page of 5,000: about 770), so the index grows
    /// by hundreds of rows a document, not by every shingle.
    /// </summary>
    public static IReadOnlyList<long> Fingerprints(string text) => [.. Winnow(ShingleHashes(text))];

    /// <summary>
    /// Whether <see cref="Detect"/> could find <paramref name="text"/> a copy of any of <paramref name="others"/>: false only
    /// when none has <see cref="MinSharedShingles"/> shingles whose hash is one of the text's, which every copy pair has (each
    /// shingle two texts share is such a shingle of the other; a hash collision only adds to the count). Hashing shingles
    /// without building them, it spares the full comparison for the documents that merely share a few fingerprints.
    /// </summary>
    public static bool MayCopyAny(string text, IEnumerable<string> others)
    {
        var own = ShingleHashes(text).ToHashSet();
        return others.Any(other => ShingleHashes(other).Count(own.Contains) >= MinSharedShingles);
    }

    /// <summary>
    /// The documents that could be copies of a new one: those sharing <see cref="MinSharedFingerprints"/> of its
    /// fingerprints, leaving out formulas (a fingerprint with more than <see cref="MaxHolders"/> holders). Each candidate
    /// is then compared text to text with <see cref="Detect"/>.
    /// </summary>
    public static IReadOnlyList<string> CopyCandidates(string documentId, IReadOnlyList<(long Fingerprint, string DocumentId)> holders) => holders
        .GroupBy(h => h.Fingerprint)
        .Where(g => g.Count() <= MaxHolders)
        .SelectMany(g => g.Select(h => h.DocumentId))
        .Where(id => id != documentId)
        .GroupBy(id => id, StringComparer.Ordinal)
        .Where(g => g.Count() >= MinSharedFingerprints)
        .Select(g => g.Key)
        .Order(StringComparer.Ordinal)
        .ToList();

    private static HashSet<long> Winnow(long[] hashes)
    {
        var selected = new HashSet<long>();
        if (hashes.Length == 0)
            return selected;
        var window = Math.Min(FingerprintWindow, hashes.Length);
        var chosen = -1;
        for (var start = 0; start + window <= hashes.Length; start++)
        {
            var end = start + window - 1;
            if (chosen < start)
            {
                // The last choice left the window: choose again from all of it.
                chosen = start;
                for (var i = start + 1; i <= end; i++)
                    if (hashes[i] <= hashes[chosen])
                        chosen = i;
            }
            else if (hashes[end] <= hashes[chosen])
                chosen = end;
            selected.Add(hashes[chosen]);
        }
        return selected;
    }

    /// <summary>The text's shingles (each word lower-cased once), in the order they start.</summary>
    private static string[] ShingleSequence(List<Word> words)
    {
        var lower = words.Select(w => w.Text.ToLowerInvariant()).ToArray();
        var shingles = new string[Math.Max(0, lower.Length - ShingleWords + 1)];
        for (var i = 0; i < shingles.Length; i++)
            shingles[i] = string.Join(' ', lower, i, ShingleWords);
        return shingles;
    }

    private static long Hash(string shingle) => unchecked((long)Fnv(FnvOffset, shingle));

    /// <summary>
    /// The <see cref="Hash"/> of each of the text's shingles, in order, computed word by word without joining the words: a
    /// day page has thousands of shingles, and building each as a string is most of the cost of hashing them.
    /// </summary>
    /// <remarks>
    /// Compiled optimized at once: called a few times a document, it would run unoptimized until the JIT's tiering, which
    /// waits while an ingest keeps compiling new methods, caught up (`perf` found the hash's loop in unoptimized code).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] ShingleHashes(string text)
    {
        var lower = Words.Split(text).Select(w => w.Text.ToLowerInvariant()).ToArray();
        var hashes = new long[Math.Max(0, lower.Length - ShingleWords + 1)];
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = Fnv(FnvOffset, lower[i]);
            for (var j = i + 1; j < i + ShingleWords; j++)
                hash = Fnv(unchecked((hash ^ ' ') * FnvPrime), lower[j]);
            hashes[i] = unchecked((long)hash);
        }
        return hashes;
    }

    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    /// <summary>64-bit FNV-1a of <paramref name="text"/>'s characters, continuing from <paramref name="hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fnv(ulong hash, string text)
    {
        foreach (var c in text)
            hash = unchecked((hash ^ c) * FnvPrime);
        return hash;
    }

    /// <summary>A lookup from document to lineage id; documents not in any lineage are their own.</summary>
    public static Func<string, string> LineageOf(IReadOnlyList<Lineage> lineages)
    {
        var map = lineages.SelectMany(l => l.DocumentIds.Select(d => (d, l.Id))).ToDictionary(x => x.d, x => x.Id, StringComparer.Ordinal);
        return id => map.GetValueOrDefault(id, id);
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    /// <summary>Each shingle with the index of its first word, first occurrence kept.</summary>
    private static Dictionary<string, int> FirstStarts(string[] shingles)
    {
        var result = new Dictionary<string, int>(shingles.Length, StringComparer.Ordinal);
        for (var i = 0; i < shingles.Length; i++)
            result.TryAdd(shingles[i], i);
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
