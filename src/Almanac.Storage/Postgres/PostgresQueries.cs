namespace Almanac.Storage.Postgres;

/// <summary>The hot read queries, in one place so the index test explains exactly what the store runs.</summary>
internal static class PostgresQueries
{
    public const string EventsOnDay =
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.month = @month AND d.day = @day ORDER BY d.year DESC, e.significance DESC, e.id COLLATE "C"
        """;

    /// <summary>The events <see cref="EventsOnDay"/> lists, with the documents their mentions cite and their claims' dates (see ListedDates).</summary>
    public const string ListedDatesOnDay =
        """
        SELECT e.id,
               (SELECT coalesce(jsonb_agg(DISTINCT m.document_id), '[]'::jsonb) FROM mentions m WHERE m.event_id = e.id AND m.shown_order IS NOT NULL)::text,
               (SELECT coalesce(jsonb_agg(c ->> 'date' ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(e.payload::jsonb -> 'dateClaims') WITH ORDINALITY AS x(c, n))::text,
               d.listed_date
        FROM event_days d JOIN events e ON e.id = d.event_id WHERE d.month = @month AND d.day = @day
        """;

    /// <summary>
    /// <see cref="EventsOnDay"/> for a list of the day (see ListingRows): the payload without the members in @left_out, and
    /// the mentions each event shows as [document, date, end date, title], read from the filing's index. The titles of the
    /// day's cited documents are looked up together by primary key (an array of ids, so no plan scans every document), never a document's text.
    /// </summary>
    public const string ListingsOnDay =
        """
        WITH listed AS (
            SELECT e.id, e.payload::jsonb AS event, e.significance, d.year, d.listed_date, d.is_primary
            FROM event_days d JOIN events e ON e.id = d.event_id WHERE d.month = @month AND d.day = @day),
        mentions AS (
            SELECT l.id, m.shown_order AS n, m.document_id AS document, p.json ->> 'date' AS date, p.json ->> 'endDate' AS end_date
            FROM listed l JOIN mentions m ON m.event_id = l.id AND m.shown_order IS NOT NULL CROSS JOIN LATERAL (SELECT m.payload::jsonb) AS p(json)),
        titles AS (
            SELECT id, title FROM documents WHERE id = ANY (ARRAY(SELECT DISTINCT document FROM mentions))),
        cited AS (
            SELECT m.id, jsonb_agg(jsonb_build_array(m.document, m.date, m.end_date, t.title) ORDER BY m.n) AS mentions
            FROM mentions m LEFT JOIN titles t ON t.id = m.document GROUP BY m.id)
        SELECT (l.event - @left_out::text[])::text, l.listed_date, l.is_primary, coalesce(c.mentions, '[]')::text
        FROM listed l LEFT JOIN cited c ON c.id = l.id
        ORDER BY l.year DESC, l.significance DESC, l.id COLLATE "C"
        """;

    /// <summary>When the newest document was stored: what every response built afresh sends as Last-Modified.</summary>
    public const string LastIngestedAt = "SELECT max(ingested_at) FROM documents";

    public const string Generation = "SELECT sum(value)::bigint FROM store_generation";

    public const string EventById = "SELECT payload FROM events WHERE id = @id";

    /// <summary>The mentions the events @ids show, of any document (as they were written), with their places in the events' lists.</summary>
    public const string ShownMentions = "SELECT event_id, shown_order, payload FROM mentions WHERE event_id = ANY(@ids) AND shown_order IS NOT NULL";

    /// <summary>
    /// The phrase in a title first, then the phrase anywhere, then every word; within each the best text match
    /// (title outweighs people, people the body), then significance.
    /// </summary>
    public const string SearchEvents =
        """
        SELECT payload FROM events WHERE search @@ to_tsquery('almanac_search', @query)
        ORDER BY search @@ to_tsquery('almanac_search', @title_phrase) DESC, search @@ to_tsquery('almanac_search', @phrase) DESC,
                 search @@ to_tsquery('almanac_search', @all) DESC,
                 ts_rank(search, to_tsquery('almanac_search', @query)) DESC, significance DESC, id COLLATE "C" LIMIT @limit
        """;
}
