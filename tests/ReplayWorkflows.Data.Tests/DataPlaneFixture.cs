using Npgsql;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

/// <summary>
/// Shared by every data plane test: one PostgreSQL server for the run, a temp folder for SQLite files. Each test gets
/// a fresh store: a new SQLite file, or a new PostgreSQL schema, so tests never see each other's rows.
/// </summary>
public sealed class DataPlaneFixture : IAsyncLifetime
{
    private readonly List<string> schemas = [];
    private PostgresServer? postgres;

    public string TempRoot { get; } = Directory.CreateTempSubdirectory("replay-data-tests-").FullName;

    public PostgresServer Postgres => postgres ?? throw new InvalidOperationException("the PostgreSQL server has not started");

    public async Task InitializeAsync() => postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            if (!postgres.IsPrivate)
            {
                await DropSchemasAsync();
            }

            await postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Options for a new, empty store of the provider; open them as often as a test needs.</summary>
    public DataPlaneOptions NewStore(DataProvider provider)
    {
        if (provider == DataProvider.Sqlite)
        {
            return new DataPlaneOptions
            {
                Provider = DataProvider.Sqlite,
                SqlitePath = Path.Combine(TempRoot, $"{Guid.NewGuid():N}", "replay.db"),
            };
        }

        var schema = $"t_{Guid.NewGuid():N}";
        lock (schemas)
        {
            schemas.Add(schema);
        }

        return new DataPlaneOptions { Provider = DataProvider.Postgres, ConnectionString = Postgres.ConnectionString, Schema = schema };
    }

    internal static async Task<SqlDataPlane> OpenAsync(DataPlaneOptions options) =>
        (SqlDataPlane)await DataPlaneFactory.OpenAsync(options);

    internal Task<SqlDataPlane> OpenNewAsync(DataProvider provider) => OpenAsync(NewStore(provider));

    private async Task DropSchemasAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
