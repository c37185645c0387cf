namespace ReplayWorkflows.Data.Tests;

/// <summary>All data plane tests share one fixture (one PostgreSQL server per run).</summary>
[CollectionDefinition(Name)]
public sealed class DataPlaneCollection : ICollectionFixture<DataPlaneFixture>
{
    public const string Name = "data plane";
}
