using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ReplayWorkflows.Testing;

/// <summary>A real S3-protocol server (npm s3rver) on a free local port, for the lifetime of a test class.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private Process? process;
    private string? dataDir;

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>s3rver accepts this access key and secret.</summary>
    public const string Credential = "S3RVER";

    public async Task InitializeAsync()
    {
        await NodeTools.EnsureInstalledAsync();
        dataDir = Directory.CreateTempSubdirectory("rw-s3rver-").FullName;
        var port = Ports.Free();
        ServiceUrl = $"http://127.0.0.1:{port}";
        process = NodeTools.StartNode(
            Path.Combine(NodeTools.NodeModules, "s3rver", "bin", "s3rver.js"),
            ["--directory", dataDir, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"]);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.TrueAsync(() => !process.HasExited && CanConnect(port), TimeSpan.FromSeconds(30), "s3rver accepting connections");
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        if (dataDir is not null)
        {
            Directory.Delete(dataDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
