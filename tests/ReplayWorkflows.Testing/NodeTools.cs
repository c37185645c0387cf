using System.Diagnostics;

namespace ReplayWorkflows.Testing;

/// <summary>
/// The pinned npm tools under tests/node. The README test command installs them (npm install --no-save, from the lockfile); when a test runs
/// without that step, the first use installs them once, under a file lock shared by parallel test processes.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string NodeModules => Path.Combine(RepoPaths.NodeTools, "node_modules");

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        var marker = Path.Combine(NodeModules, ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            using var fileLock = await FileLock.AcquireAsync(Path.Combine(RepoPaths.Cache, "npm-ci.lock"), cancellationToken);
            if (File.Exists(marker))
            {
                return;
            }

            var result = await ProcessRunner.RunAsync("npm", ["install", "--no-save", "--no-audit", "--no-fund"], RepoPaths.NodeTools,
                TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm install in {RepoPaths.NodeTools} failed ({result.ExitCode}): {result.StdErr}");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts <c>node script args</c> in tests/node with its output captured.</summary>
    public static Process StartNode(string script, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.NodeTools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
    }
}
