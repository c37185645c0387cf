using System.CommandLine;
using ReplayWorkflows.Data;

namespace ReplayWorkflows.Cli.Options;

/// <summary>
/// Where a command finds the data plane. SQLite at <c>--data-db</c> by default (the file <c>replay demo</c> writes);
/// <c>REPLAY__DATA__PROVIDER=Postgres</c> with <c>REPLAY__DATA__CONNECTIONSTRING</c> selects PostgreSQL.
/// </summary>
internal sealed class DataOptions
{
    public const string DefaultDatabase = "replay-output/replay.db";

    public Option<string> Database { get; } = new("--data-db")
    {
        Description = "SQLite data-plane file (ignored when REPLAY__DATA__PROVIDER=Postgres)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REPLAY__DATA__SQLITEPATH") ?? DefaultDatabase,
        HelpName = "file",
    };

    public void AddTo(Command command) => command.Options.Add(Database);

    public DataPlaneOptions Resolve(ParseResult parse)
    {
        var options = new DataPlaneOptions { SqlitePath = parse.GetValue(Database)! };
        if (string.Equals(Environment.GetEnvironmentVariable("REPLAY__DATA__PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            options.Provider = DataProvider.Postgres;
            options.ConnectionString = Environment.GetEnvironmentVariable("REPLAY__DATA__CONNECTIONSTRING");
            options.Schema = Environment.GetEnvironmentVariable("REPLAY__DATA__SCHEMA") ?? options.Schema;
        }

        return options;
    }

    /// <summary>Opens the data plane, turning a store problem into one clear line.</summary>
    public async Task<IDataPlane> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = Resolve(parse);
        if (options.Provider == DataProvider.Sqlite && Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        try
        {
            return await DataPlaneFactory.OpenAsync(options, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DataPlaneException ex)
        {
            throw new CliUserException($"data plane: {ex.Message}");
        }
    }
}
