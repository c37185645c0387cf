using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Conformance;

/// <summary><c>replay server start-dev</c> as a child process (the CLI built next to this test assembly).</summary>
internal sealed class CliServerProcess : IDisposable
{
    private readonly ReplayProcess process;

    private CliServerProcess(ReplayProcess process, int port)
    {
        this.process = process;
        Target = $"127.0.0.1:{port}";
    }

    public string Target { get; }

    public static async Task<CliServerProcess> StartAsync(string dbFile, int? port = null)
    {
        var chosen = port ?? Ports.Free();
        var process = await ReplayProcess.StartAsync(
            ["server", "start-dev", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db-filename", dbFile, "--log-level", "warn"],
            "Server:");
        return new CliServerProcess(process, chosen);
    }

    /// <summary>Kills the server like kill -9: no shutdown, no flush beyond what was committed.</summary>
    public void KillHard() => process.KillHard();

    public void Dispose() => process.Dispose();

    public static string TempDatabase() => Path.Combine(RepoPaths.Cache, "conformance", $"kill-{Guid.NewGuid():N}.db");
}
