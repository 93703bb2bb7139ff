using Npgsql;

namespace Almanac.Storage.Postgres;

/// <summary>
/// Recognizes a PostgreSQL store location and turns it into an Npgsql connection string: either a URL
/// (<c>postgres://user:pass@host:port/db?sslmode=require</c>) or a key/value connection string (<c>Host=...;Database=...</c>).
/// </summary>
public static class PostgresLocation
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || location.Contains(";Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for <paramref name="location"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static string ToConnectionString(string location)
    {
        if (!location.Contains("://", StringComparison.Ordinal))
            return new NpgsqlConnectionStringBuilder(location).ConnectionString;
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
            throw new FormatException("not a valid postgres:// URL");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host.Trim('[', ']'),
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq spells it sslmode; Npgsql accepts "SSL Mode" and every other keyword by its own name.
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"unknown or invalid URL parameter '{key}': {e.Message}", e);
            }
        }
        return builder.ConnectionString;
    }
}
