using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Data.Postgres;
using ReplayWorkflows.Data.Sql;
using ReplayWorkflows.Data.Sqlite;

namespace ReplayWorkflows.Data;

/// <summary>Opens the configured data plane and brings its schema up to date.</summary>
public static class DataPlaneFactory
{
    /// <summary>
    /// Validates the options, connects, applies pending migrations (see <see cref="DataPlaneOptions.ApplyMigrations"/>)
    /// and returns the data plane.
    /// </summary>
    /// <exception cref="DataPlaneException">The options are invalid or the store cannot be used; the message says why and where.</exception>
    public static Task<IDataPlane> OpenAsync(
        DataPlaneOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        OpenAsync(options, loggerFactory, TimeProvider.System, cancellationToken);

    internal static async Task<IDataPlane> OpenAsync(
        DataPlaneOptions options, ILoggerFactory? loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new DataPlaneException(string.Join(" ", problems));
        }

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ReplayWorkflows.Data");
        SqlDatabase database = options.Provider == DataProvider.Postgres
            ? new PostgresDatabase(options, logger, time)
            : new SqliteDatabase(options, logger, time);
        try
        {
            var version = await database.MigrateAsync(options.ApplyMigrations, cancellationToken).ConfigureAwait(false);
            return new SqlDataPlane(database, version);
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
