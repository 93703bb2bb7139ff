using Almanac.Storage.Postgres;
using Npgsql;

namespace Almanac.Storage.Tests;

public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgres://u:p@db:5432/almanac", true)]
    [InlineData("postgresql://db/almanac", true)]
    [InlineData("Host=db;Database=almanac", true)]
    [InlineData("Database=almanac;Host=db", true)]
    [InlineData("/home/me/almanac.db", false)]
    [InlineData("almanac.db", false)]
    public void IsPostgres_Location_TellsUrlsAndConnectionStringsFromFilePaths(string location, bool expected) =>
        Assert.Equal(expected, PostgresLocation.IsPostgres(location));

    [Fact]
    public void ToConnectionString_UrlWithEscapesAndSslMode_KeepsEveryPart()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("postgres://al%40manac:p%3Ass@db.example:6543/my%20db?sslmode=require"));
        Assert.Equal(("db.example", 6543, "my db", "al@manac", "p:ss", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void ToConnectionString_NoPort_UsesTheDefault() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(PostgresLocation.ToConnectionString("postgres://db/almanac")).Port);

    [Fact]
    public void ToConnectionString_UnknownUrlParameter_FailsNamingIt()
    {
        var failure = Assert.Throws<FormatException>(() => PostgresLocation.ToConnectionString("postgres://db/almanac?colour=blue"));
        Assert.Contains("colour", failure.Message);
    }
}
