namespace Almanac.Storage.Postgres;

/// <summary>The hot read queries, in one place so the index test explains exactly what the store runs.</summary>
internal static class PostgresQueries
{
    public const string EventsOnDay =
        """
        SELECT e.payload, d.listed_date, d.is_primary FROM event_days d JOIN events e ON e.id = d.event_id
        WHERE d.month = @month AND d.day = @day ORDER BY d.year DESC, e.significance DESC, e.id COLLATE "C"
        """;

    /// <summary>
    /// <see cref="EventsOnDay"/> for a list of the day (see ListingRows): the payload without the members in @left_out, and
    /// the mentions as [document, date, end date, title], the titles looked up by primary key, never a document's text.
    /// </summary>
    public const string ListingsOnDay =
        """
        SELECT (p.event - @left_out::text[])::text, d.listed_date, d.is_primary,
               (SELECT coalesce(jsonb_agg(jsonb_build_array(x.mention ->> 'documentId', x.mention ->> 'date', x.mention ->> 'endDate', doc.title) ORDER BY x.n), '[]')
                FROM jsonb_array_elements(p.event -> 'mentions') WITH ORDINALITY AS x(mention, n) LEFT JOIN documents doc ON doc.id = x.mention ->> 'documentId')::text
        FROM event_days d JOIN events e ON e.id = d.event_id CROSS JOIN LATERAL (SELECT e.payload::jsonb AS event) p
        WHERE d.month = @month AND d.day = @day ORDER BY d.year DESC, e.significance DESC, e.id COLLATE "C"
        """;

    public const string Generation = "SELECT sum(value)::bigint FROM store_generation";

    public const string EventById = "SELECT payload FROM events WHERE id = @id";

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
