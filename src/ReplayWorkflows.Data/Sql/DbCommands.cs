using System.Data.Common;
using Dapper;

namespace ReplayWorkflows.Data.Sql;

/// <summary>Dapper binds the parameters; rows are mapped by hand (see <see cref="Row"/>) so both providers read alike.</summary>
internal static class DbCommands
{
    public static Task<int> ExecAsync(
        this DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        this DbConnection connection, string sql, object? parameters, Func<Row, T> map, CancellationToken cancellationToken,
        DbTransaction? transaction = null)
    {
        var command = new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken);
        var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(new Row(reader)));
            }

            return rows;
        }
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(
        this DbConnection connection, string sql, object? parameters, Func<Row, T> map, CancellationToken cancellationToken,
        DbTransaction? transaction = null)
        where T : class
    {
        var rows = await connection.ListAsync(sql, parameters, map, cancellationToken, transaction).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }
}
