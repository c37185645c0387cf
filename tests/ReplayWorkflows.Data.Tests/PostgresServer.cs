using System.Net;
using System.Net.Sockets;
using Npgsql;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Data.Tests;

/// <summary>
/// A real, throw-away PostgreSQL server for tests, or the server named by <c>REPLAY_TEST_POSTGRES</c> (a connection
/// string) when that is set. The private server runs from the Debian binaries (/usr/lib/postgresql/N/bin) in a temp
/// folder: data and unix socket inside it, listening on 127.0.0.1 on a free port, trust authentication, fsync off.
/// PostgreSQL refuses to run as root, so under root every server command runs as the <c>postgres</c> user via runuser.
/// Self-contained on purpose (only ProcessRunner from the shared test support) so other test projects can reuse it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "REPLAY_TEST_POSTGRES";
    public const string MissingBinaries = "PostgreSQL server binaries not found: apt-get install postgresql";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string? binDirectory;
    private readonly string? root;
    private readonly bool asPostgresUser;

    private PostgresServer(string connectionString, string? binDirectory, string? root, bool asPostgresUser)
    {
        ConnectionString = connectionString;
        this.binDirectory = binDirectory;
        this.root = root;
        this.asPostgresUser = asPostgresUser;
    }

    /// <summary>A connection string for the server's default database, as the superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this object started the server (and will stop it).</summary>
    public bool IsPrivate => root is not null;

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, null, null, false);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(MissingBinaries);
        var asPostgres = Environment.IsPrivilegedProcess;
        var root = Directory.CreateTempSubdirectory("replay-pg-").FullName;
        var server = (PostgresServer?)null;
        try
        {
            var data = Path.Combine(root, "data");
            if (asPostgres)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", root], cancellationToken);
            }

            var probe = new PostgresServer(string.Empty, bin, root, asPostgres);
            await probe.RunServerToolAsync("initdb",
                ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);

            // The free port can be taken between probing and binding; try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                              "-c full_page_writes=off -c max_connections=200";
                var started = await probe.TryServerToolAsync("pg_ctl",
                    ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"], cancellationToken);
                if (started.ExitCode == 0)
                {
                    server = new PostgresServer(
                        $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=15;Include Error Detail=true", bin, root, asPostgres);
                    return server;
                }

                if (attempt == 3)
                {
                    var log = File.Exists(Path.Combine(root, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(root, "server.log"), cancellationToken) : "";
                    throw new InvalidOperationException($"PostgreSQL did not start in {root}: {started.StdErr}{started.StdOut}\n{log}");
                }
            }
        }
        finally
        {
            if (server is null)
            {
                TryDelete(root);
            }
        }
    }

    /// <summary>Creates an empty database with a unique name and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await TryServerToolAsync("pg_ctl", ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None);
        TryDelete(root);
    }

    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }

        return Directory.GetDirectories(debian)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunServerToolAsync(string tool, string[] args, CancellationToken cancellationToken)
    {
        var result = await TryServerToolAsync(tool, args, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({result.ExitCode}): {result.StdErr}{result.StdOut}");
        }
    }

    private Task<ProcessResult> TryServerToolAsync(string tool, string[] args, CancellationToken cancellationToken)
    {
        var path = Path.Combine(binDirectory!, tool);
        return asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. args], root, CommandTimeout, cancellationToken: cancellationToken)
            : ProcessRunner.RunAsync(path, args, root, CommandTimeout, cancellationToken: cancellationToken);
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(file, args, timeout: CommandTimeout, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({result.ExitCode}): {result.StdErr}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over clean-up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
