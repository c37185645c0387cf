using System.Text.RegularExpressions;

namespace ReplayWorkflows.Data;

/// <summary>
/// Data plane configuration, bound from <c>REPLAY__DATA__...</c> settings. Mutable on purpose so configuration
/// binding can fill it; <see cref="Validate"/> checks it before anything opens.
/// </summary>
public sealed partial class DataPlaneOptions
{
    public const string SectionName = "Data";

    /// <summary>The default SQLite file name, relative to the working directory.</summary>
    public const string DefaultSqliteFileName = "replay.db";

    public DataProvider Provider { get; set; } = DataProvider.Sqlite;

    /// <summary>The SQLite database file (created with its folder when missing).</summary>
    public string SqlitePath { get; set; } = DefaultSqliteFileName;

    /// <summary>The Npgsql connection string (PostgreSQL only).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL schema that holds the tables (created when missing). Several deployments (or tests) can share
    /// one database by using different schemas.
    /// </summary>
    public string Schema { get; set; } = "public";

    /// <summary>How long a SQLite writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether opening the data plane applies pending migrations (the default) or only checks the version.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Every problem with these options, one line each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Provider)
        {
            case DataProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(SqlitePath))
                {
                    problems.Add("Data:SqlitePath is empty: set the SQLite database file.");
                }

                break;
            case DataProvider.Postgres:
                if (string.IsNullOrWhiteSpace(ConnectionString))
                {
                    problems.Add("Data:ConnectionString is empty: set the PostgreSQL connection string.");
                }

                if (!SchemaName().IsMatch(Schema ?? string.Empty))
                {
                    problems.Add($"Data:Schema '{Schema}' is not a plain lower-case identifier (a-z, 0-9, _; at most 63 characters).");
                }

                break;
            default:
                problems.Add($"Data:Provider '{Provider}' is unknown: use Sqlite or Postgres.");
                break;
        }

        if (BusyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Data:BusyTimeout {BusyTimeout} must be positive.");
        }

        return problems;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
