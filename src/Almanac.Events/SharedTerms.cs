using Almanac.Core;

namespace Almanac.Events;

/// <summary>
/// The keywords, people and places of some new mentions, by kind. A stored event that shares none of them with the new
/// mentions of its kind meets none of them (<see cref="EventResolver.MentionsMeeting"/>): kinds never mix, and similarity
/// without a shared keyword, person or place is nil, whichever side founds the cluster. A coarse date's neighbourhood is
/// every event of three years (10,000 in a million-event store), so the meeting test and the keyword weights it needs
/// are spent only on the events this keeps.
/// </summary>
public sealed class SharedTerms
{
    private readonly Dictionary<MentionKind, HashSet<string>> _byKind = [];

    public SharedTerms(IEnumerable<EventMention> mentions)
    {
        foreach (var mention in mentions)
        {
            if (!_byKind.TryGetValue(mention.Kind, out var terms))
                _byKind[mention.Kind] = terms = new HashSet<string>(StringComparer.Ordinal);
            terms.UnionWith(Terms(mention));
        }
    }

    /// <summary>
    /// The keywords, people and places of the new mentions of each kind: what to ask a store's index of events by term for
    /// (<c>IAlmanacStore.FindEventsSharingTerms</c>), which files an event under the terms of all its mentions with their
    /// kind, the terms and kind <see cref="With"/> tests.
    /// </summary>
    public IEnumerable<(MentionKind Kind, IReadOnlyCollection<string> Terms)> ByKind => _byKind.Select(k => (k.Key, (IReadOnlyCollection<string>)k.Value));

    /// <summary>Whether the event (given by its mentions, all of one kind) shares a keyword, person or place with a new mention of its kind.</summary>
    public bool With(IReadOnlyList<EventMention> eventMentions) =>
        eventMentions.Count > 0 && _byKind.TryGetValue(eventMentions[0].Kind, out var terms) && eventMentions.Any(m => Terms(m).Any(terms.Contains));

    private static IEnumerable<string> Terms(EventMention mention) => mention.Keywords.Concat(mention.People).Concat(mention.Places);
}
