using Npgsql;

namespace Almanac.Bench.Incremental;

/// <summary>A schema of the benchmark's own on a PostgreSQL server: made empty, measured, dropped.</summary>
internal static class PostgresSchema
{
    /// <summary>Creates <paramref name="schema"/> and returns a connection string whose search path is it.</summary>
    public static string Create(string server, string schema)
    {
        Execute(server, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>The bytes of the tables of the location's schema, with their indexes and TOAST.</summary>
    public static long Bytes(string location)
    {
        var schema = new NpgsqlConnectionStringBuilder(location).SearchPath!;
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var size = new NpgsqlCommand(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relkind = 'r'",
            connection);
        size.Parameters.AddWithValue("schema", schema);
        return Convert.ToInt64(size.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Has the server catch up with a bulk load of the location's schema as it would on its own some minutes later: a
    /// checkpoint (when the user may ask for one) and its tables vacuumed and analysed. Measured right after generating, a
    /// million-event store's ingest shared the cores and the disk with those.
    /// </summary>
    public static void Settle(string location)
    {
        var schema = new NpgsqlConnectionStringBuilder(location).SearchPath!;
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var tables = new NpgsqlCommand("SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables WHERE schemaname = @schema", connection);
        tables.Parameters.AddWithValue("schema", schema);
        using (var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {tables.ExecuteScalar()}", connection))
            vacuum.ExecuteNonQuery();
        try
        {
            using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
            checkpoint.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.WriteLine("  (no checkpoint: the user may not ask for one)");
        }
    }

    /// <summary>Drops every schema whose name is LIKE <paramref name="pattern"/>.</summary>
    public static void DropAll(string server, string pattern)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var names = new NpgsqlCommand("SELECT nspname FROM pg_namespace WHERE nspname LIKE @pattern", connection);
        names.Parameters.AddWithValue("pattern", pattern);
        var schemas = new List<string>();
        using (var reader = names.ExecuteReader())
            while (reader.Read())
                schemas.Add(reader.GetString(0));
        foreach (var schema in schemas)
            Execute(server, $"DROP SCHEMA {schema} CASCADE");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
