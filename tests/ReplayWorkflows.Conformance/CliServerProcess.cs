using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Conformance;

/// <summary><c>replay server start-dev</c> as a child process (the CLI built next to this test assembly).</summary>
internal sealed class CliServerProcess : IDisposable
{
    private readonly Process process;

    private CliServerProcess(Process process, int port)
    {
        this.process = process;
        Target = $"127.0.0.1:{port}";
    }

    public string Target { get; }

    public static async Task<CliServerProcess> StartAsync(string dbFile, int? port = null)
    {
        var chosen = port ?? FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "replay.dll"), "server", "start-dev", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db-filename", dbFile, "--log-level", "warn" })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("replay did not start");
        var server = new CliServerProcess(process, chosen);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Server:", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Kills the server like kill -9: no shutdown, no flush beyond what was committed.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string TempDatabase() => Path.Combine(RepoPaths.Cache, "conformance", $"kill-{Guid.NewGuid():N}.db");
}
