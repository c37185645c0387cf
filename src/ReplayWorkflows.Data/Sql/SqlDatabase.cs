using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Data.Sql;

/// <summary>
/// One database behind the stores. The stores' SQL is shared (both SQLite and PostgreSQL speak
/// <c>INSERT ... ON CONFLICT ... DO UPDATE</c> and <c>RETURNING</c>); a provider supplies connections, migration
/// locking, and the translation of its errors into one clear <see cref="DataPlaneException"/>.
/// </summary>
internal abstract class SqlDatabase(ILogger logger, TimeProvider time) : IAsyncDisposable
{
    protected ILogger Logger { get; } = logger;

    public abstract DataProvider Provider { get; }

    /// <summary>Provider and location, safe to log.</summary>
    public abstract string Description { get; }

    /// <summary>Appended to a SELECT that must lock the rows it reads until the transaction ends.</summary>
    public abstract string ForUpdate { get; }

    public long NowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// "column is one of the list parameter". Dapper expands <c>IN @list</c> for SQLite but passes an array to Npgsql,
    /// which needs <c>= ANY(@list)</c>.
    /// </summary>
    public abstract string InList(string column, string parameter);

    /// <summary>The embedded migration set of this provider.</summary>
    protected abstract string MigrationSet { get; }

    /// <summary>DDL for the table that records applied versions.</summary>
    protected abstract string VersionTableDdl { get; }

    public abstract bool IsUniqueViolation(DbException exception);

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a connection ready for use (pragmas, search path).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Turns a provider error into a message that says what failed, where, and what to do.</summary>
    protected abstract DataPlaneException Translate(DbException exception, string operation);

    /// <summary>Runs before the migration transaction (SQLite switches to WAL here; it cannot inside a transaction).</summary>
    protected virtual Task PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Takes the lock that makes concurrent start-ups apply migrations one at a time, inside the migration transaction.
    /// </summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// True when the driver's async methods block (Microsoft.Data.Sqlite runs synchronously, including busy waits); the
    /// work then runs on the thread pool so callers that await several operations really get them concurrently.
    /// </summary>
    protected virtual bool DriverBlocks => false;

    public Task<T> RunAsync<T>(string operation, Func<DbConnection, Task<T>> body, CancellationToken cancellationToken) =>
        DriverBlocks
            ? Task.Run(() => RunCoreAsync(operation, body, cancellationToken), cancellationToken)
            : RunCoreAsync(operation, body, cancellationToken);

    private async Task<T> RunCoreAsync<T>(string operation, Func<DbConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await body(connection).ConfigureAwait(false);
            }
        }
        catch (DbException ex)
        {
            var translated = Translate(ex, operation);
            DataLog.OperationFailed(Logger, operation, Description, translated.Message);
            throw translated;
        }
    }

    public Task<T> InTransactionAsync<T>(
        string operation, Func<DbConnection, DbTransaction, Task<T>> body, CancellationToken cancellationToken) =>
        RunAsync(operation, async connection =>
        {
            // SQLite: BeginTransaction is BEGIN IMMEDIATE, so the write lock is taken up front and the busy timeout applies
            // (a deferred transaction that upgrades from read to write can fail at once with SQLITE_BUSY in WAL mode).
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await body(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }, cancellationToken);

    /// <summary>
    /// Brings the schema to the newest version (or, with <paramref name="apply"/> false, only checks it) and returns the
    /// version. Versions are checked and applied under the provider's migration lock in one transaction, so two processes
    /// starting at once apply each migration exactly once, and running it again is a no-op.
    /// </summary>
    public Task<int> MigrateAsync(bool apply, CancellationToken cancellationToken) =>
        RunAsync("applying migrations", async connection =>
        {
            var migrations = Migration.Load(MigrationSet);
            var latest = migrations.Count;
            await PrepareForMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await connection.ExecAsync(VersionTableDdl, null, cancellationToken, transaction).ConfigureAwait(false);
                var applied = (await connection.ListAsync(
                    "SELECT version FROM schema_version ORDER BY version", null, r => r.Int("version"), cancellationToken, transaction)
                    .ConfigureAwait(false)).ToHashSet();
                var current = applied.Count == 0 ? 0 : applied.Max();
                if (current > latest)
                {
                    throw new DataPlaneException(
                        $"{Description} is at schema version {current}, newer than this build knows ({latest}): upgrade replay before using this database.");
                }

                var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
                if (pending.Count > 0 && !apply)
                {
                    throw new DataPlaneException(
                        $"{Description} is at schema version {current}, this build needs {latest}: start with migrations enabled (Data:ApplyMigrations) to upgrade it.");
                }

                foreach (var migration in pending)
                {
                    await connection.ExecAsync(migration.Sql, null, cancellationToken, transaction).ConfigureAwait(false);
                    await connection.ExecAsync(
                        "INSERT INTO schema_version (version, name, applied_unix_ms) VALUES (@Version, @Name, @Now)",
                        new { migration.Version, migration.Name, Now = NowUnixMs }, cancellationToken, transaction).ConfigureAwait(false);
                    DataLog.MigrationApplied(Logger, migration.Version, migration.Name, Description);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                DataLog.Opened(Logger, Description, latest);
                return latest;
            }
        }, cancellationToken);
}
