using Almanac.TestSupport;

namespace Almanac.Storage.Tests;

/// <summary>
/// The PostgreSQL tests of this assembly share one database for the run. xUnit finds collection definitions only in the
/// test assembly itself, so the definition lives here rather than beside <see cref="PostgresTestDatabase"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresTestDatabase>
{
    public const string Name = "PostgreSQL";
}
