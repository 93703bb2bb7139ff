using Almanac.TestSupport;

namespace Almanac.Storage.Tests;

/// <summary>xUnit finds collection definitions only in the test assembly itself: the one in TestSupport is not seen here.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresTestDatabase>;
