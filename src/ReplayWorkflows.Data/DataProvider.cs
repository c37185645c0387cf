namespace ReplayWorkflows.Data;

/// <summary>Where the data plane keeps its state.</summary>
public enum DataProvider
{
    /// <summary>One SQLite file (WAL mode): the embedded default for a single machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several workers on several machines.</summary>
    Postgres,
}
