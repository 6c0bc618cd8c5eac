namespace RegionSim.Tests.Cluster;

/// <summary>
/// The tests that start silo processes share one redis-server and run one after another: two cores cannot
/// host two three-silo clusters at once and still declare a dead silo dead within seconds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
