using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Postgres;

/// <summary>
/// A PostgreSQL database reached through one pooled Npgsql data source. The tables live in the configured schema
/// (set as the connection's search path), so several deployments or tests can share a database.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string where;

    public PostgresDatabase(DataPlaneOptions options, ILogger logger, TimeProvider time)
        : base(logger, time)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new DataPlaneException($"Data:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        Schema = options.Schema;
        builder.SearchPath = Schema;
        builder.ApplicationName ??= "replay-workflows";
        if (builder.MaxAutoPrepare == 0)
        {
            // The stores run the same few statements over and over (per chunk, per plugin): let Npgsql prepare them.
            builder.MaxAutoPrepare = 64;
        }

        where = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "(default database)"}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Schema { get; }

    public override DataProvider Provider => DataProvider.Postgres;

    public override string Description => $"PostgreSQL {where} schema {Schema}";

    public override string ForUpdate => " FOR UPDATE";

    protected override string MigrationSet => "postgres";

    public override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected override string VersionTableDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_unix_ms bigint NOT NULL)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // A transaction-scoped advisory lock per schema: concurrent start-ups queue here and the later ones find the
        // versions already applied. CREATE SCHEMA/TABLE IF NOT EXISTS alone race on the catalog's unique indexes.
        await connection.ExecAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = LockKey(Schema) }, cancellationToken, transaction)
            .ConfigureAwait(false);
        // Look before creating: CREATE SCHEMA checks the database CREATE right even when the schema exists, and a
        // restricted user of an existing schema (the usual managed-database set-up) does not have it.
        var exists = await connection.ListAsync(
            "SELECT nspname FROM pg_namespace WHERE nspname = @Schema", new { Schema }, r => r.String("nspname"), cancellationToken, transaction)
            .ConfigureAwait(false);
        if (exists.Count == 0)
        {
            await connection.ExecAsync($"CREATE SCHEMA \"{Schema}\"", null, cancellationToken, transaction).ConfigureAwait(false);
        }
    }

    protected override DataPlaneException Translate(DbException exception, string operation)
    {
        if (exception is PostgresException pg)
        {
            return pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new DataPlaneException(
                    $"PostgreSQL server {where} refused the login ({pg.MessageText}): check the user and password in Data:ConnectionString.", exception),
                PostgresErrorCodes.InvalidCatalogName => new DataPlaneException(
                    $"PostgreSQL server {where}: {pg.MessageText}. Create the database or fix Data:ConnectionString.", exception),
                PostgresErrorCodes.ForeignKeyViolation => new DataPlaneException(
                    $"{Description}: {operation} refers to a row that does not exist (for example its event): {pg.MessageText}", exception),
                PostgresErrorCodes.InsufficientPrivilege => new DataPlaneException(
                    $"{Description}: {operation} is not permitted ({pg.MessageText}): grant the user rights on schema {Schema}.", exception),
                _ => new DataPlaneException($"{Description}: {operation} failed: {pg.MessageText}", pg.IsTransient, exception),
            };
        }

        if (IsUnreachable(exception))
        {
            return new DataPlaneException(
                $"PostgreSQL server {where} is unreachable ({Innermost(exception).Message.TrimEnd('.')}): {operation} failed. " +
                "Check that the server runs and that Data:ConnectionString names the right host and port.", isTransient: true, exception);
        }

        return new DataPlaneException($"{Description}: {operation} failed: {exception.Message}",
            exception is NpgsqlException { IsTransient: true }, exception);
    }

    private static bool IsUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    /// <summary>A stable 64-bit FNV-1a hash of the schema name (string.GetHashCode differs per process).</summary>
    private static long LockKey(string schema)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "replayworkflows.migrate:" + schema)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
