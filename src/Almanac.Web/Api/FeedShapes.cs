using System.Text.Json.Serialization;

namespace Almanac.Web.Api;

// The shape of Wikimedia's on-this-day feed, names and all, so its clients can read Almanac's.
// Almanac's own fields (kind, id, date, precision, calendar, sources, conflicts, why) come alongside.

public sealed record ContentUrl([property: JsonPropertyName("page")] string Page);

public sealed record ContentUrls(
    [property: JsonPropertyName("desktop")] ContentUrl Desktop,
    [property: JsonPropertyName("mobile")] ContentUrl Mobile);

public sealed record PageTitles(
    [property: JsonPropertyName("canonical")] string Canonical,
    [property: JsonPropertyName("normalized")] string Normalized,
    [property: JsonPropertyName("display")] string Display);

/// <summary>Wikimedia's thumbnail and originalimage: an image's address and size in pixels.</summary>
public sealed record FeedImage(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);

/// <summary>A page summary: in Almanac an event, a person (their page) or a source document.</summary>
public sealed record FeedPage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("displaytitle")] string DisplayTitle,
    [property: JsonPropertyName("titles")] PageTitles Titles,
    [property: JsonPropertyName("pageid")] long PageId,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("extract")] string Extract,
    [property: JsonPropertyName("content_urls")] ContentUrls ContentUrls,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("id")] string Id)
{
    /// <summary>The event's picture, as Wikimedia gives a page's: the stored file or the remote address, at its own size (never scaled).</summary>
    [JsonPropertyName("thumbnail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeedImage? Thumbnail { get; init; }

    [JsonPropertyName("originalimage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FeedImage? OriginalImage { get; init; }
}

public sealed record SourceItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url);

public sealed record DateClaimItem(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("lineages")] int Lineages);

/// <summary>A holiday: Wikimedia's text and pages (no year: it is the day's every year), then the documents that list it.</summary>
public sealed record HolidayItem(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("pages")] IReadOnlyList<FeedPage> Pages,
    [property: JsonPropertyName("sources")] IReadOnlyList<SourceItem> Sources);

/// <summary>One line of a day: Wikimedia's text, year (BC negative, none for holidays) and pages, then Almanac's fields.</summary>
public sealed record FeedItem(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("year"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Year,
    [property: JsonPropertyName("pages")] IReadOnlyList<FeedPage> Pages,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("listed_date")] string ListedDate,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("calendar")] string Calendar,
    [property: JsonPropertyName("significance")] double Significance,
    [property: JsonPropertyName("sources")] IReadOnlyList<SourceItem> Sources,
    [property: JsonPropertyName("conflicts")] IReadOnlyList<DateClaimItem> Conflicts,
    [property: JsonPropertyName("why"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Why)
{
    /// <summary>Which calendar the listed day is in and why, when it is not an ordinary Gregorian day (an Old Style day, its Gregorian one, a Julian day before 1582).</summary>
    [JsonPropertyName("calendar_note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CalendarNote { get; init; }

    /// <summary>For a selected event, the figures the selection rule used; <see cref="Why"/> says the same in words.</summary>
    [JsonPropertyName("selection"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SelectionItem? Selection { get; init; }
}

/// <summary>The figures behind a selected event (see Almanac.Curation's Selection): rank among the day's candidates, score, sources, anniversary.</summary>
public sealed record SelectionItem(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("candidates")] int Candidates,
    [property: JsonPropertyName("significance")] double Significance,
    [property: JsonPropertyName("sources")] int Sources,
    [property: JsonPropertyName("independent_sources")] int IndependentSources,
    [property: JsonPropertyName("years_ago")] int YearsAgo,
    [property: JsonPropertyName("round_anniversary")] bool RoundAnniversary,
    [property: JsonPropertyName("for_era_mix")] bool ForEraMix)
{
    public static SelectionItem Of(SelectionScore s) =>
        new(s.Rank, s.Candidates, s.Significance, s.Sources, s.IndependentSources, s.YearsAgo, s.RoundAnniversary, s.ForEraMix);
}
