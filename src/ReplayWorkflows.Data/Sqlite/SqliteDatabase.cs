using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Sqlite;

/// <summary>
/// One SQLite file in WAL mode: readers never block the writer, and writers wait for each other up to the busy
/// timeout (set both as SQLite's busy_timeout and as the command timeout Microsoft.Data.Sqlite retries within).
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private readonly string connectionString;
    private readonly string busyPragma;
    private readonly TimeSpan busyTimeout;

    public SqliteDatabase(DataPlaneOptions options, ILogger logger, TimeProvider time)
        : base(logger, time)
    {
        FilePath = Path.GetFullPath(options.SqlitePath);
        busyTimeout = options.BusyTimeout;
        CreateFolder(FilePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        busyPragma = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    }

    public string FilePath { get; }

    public override DataProvider Provider => DataProvider.Sqlite;

    public override string Description => $"SQLite file {FilePath}";

    public override string ForUpdate => string.Empty; // BEGIN IMMEDIATE already holds the only write lock.

    protected override string MigrationSet => "sqlite";

    protected override bool DriverBlocks => true;

    public override string InList(string column, string parameter) => $"{column} IN @{parameter}";

    protected override string VersionTableDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_unix_ms INTEGER NOT NULL)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }; // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved, deleted or reopened cleanly.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecAsync(busyPragma, null, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, it stays for every later connection.
        var mode = await connection.ListAsync("PRAGMA journal_mode = WAL", null, r => r.String("journal_mode"), cancellationToken)
            .ConfigureAwait(false);
        if (mode.Count == 0 || !string.Equals(mode[0], "wal", StringComparison.OrdinalIgnoreCase))
        {
            DataLog.NoWal(Logger, Description, mode.Count == 0 ? "nothing" : mode[0]);
        }
    }

    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // The migration transaction is BEGIN IMMEDIATE: a second process waits for the first to commit.

    protected override DataPlaneException Translate(DbException exception, string operation)
    {
        if (exception is not SqliteException sqlite)
        {
            return new DataPlaneException($"{Description}: {operation} failed: {exception.Message}", exception);
        }

        return sqlite.SqliteErrorCode switch
        {
            5 or 6 => new DataPlaneException(
                $"{Description} is locked: {operation} waited {busyTimeout.TotalSeconds:0.###} s for another writer's lock. " +
                "Another process holds it; stop that process or raise Data:BusyTimeout.", isTransient: true, exception),
            8 => new DataPlaneException(
                $"{Description} is read-only: {operation} cannot write. Make the file and its folder writable.", exception),
            14 => new DataPlaneException(
                $"{Description} cannot be opened ({sqlite.Message.TrimEnd('.')}): {operation} failed. " +
                "Check that the path is a file in a writable folder.", exception),
            13 => new DataPlaneException($"{Description}: the disk is full while {operation}.", isTransient: true, exception),
            26 or 11 => new DataPlaneException(
                $"{Description} is not a SQLite database or is corrupt: {operation} failed. Point Data:SqlitePath at another file.", exception),
            19 when sqlite.SqliteExtendedErrorCode == 787 => new DataPlaneException(
                $"{Description}: {operation} refers to a row that does not exist (for example its event): {sqlite.Message}", exception),
            _ => new DataPlaneException($"{Description}: {operation} failed: {sqlite.Message}", exception),
        };
    }

    private static void CreateFolder(string filePath)
    {
        var folder = Path.GetDirectoryName(filePath);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataPlaneException(
                $"SQLite file {filePath} cannot be created: its folder {folder} cannot be made ({ex.Message}). Choose a writable Data:SqlitePath.", ex);
        }
    }
}
