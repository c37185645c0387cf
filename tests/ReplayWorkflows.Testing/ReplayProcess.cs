using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReplayWorkflows.Testing;

/// <summary>
/// The <c>replay</c> CLI as a child process (the build copied next to the test assembly by a project reference), for
/// tests that must kill a real process: a server or a worker, like kill -9.
/// </summary>
public sealed class ReplayProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ReplayProcess(Process process) => this.process = process;

    /// <summary>Everything the process printed so far (stdout and stderr), for failure messages.</summary>
    public string Log => string.Join(Environment.NewLine, lines);

    public bool HasExited => process.HasExited;

    /// <summary>Starts <c>replay ARGS</c> and waits for a stdout line starting with <paramref name="readyPrefix"/>.</summary>
    public static async Task<ReplayProcess> StartAsync(IEnumerable<string> args, string readyPrefix, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "replay.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("replay did not start");
        var started = new ReplayProcess(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                started.lines.Enqueue(line);
                if (line.StartsWith(readyPrefix, StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                started.lines.Enqueue(line);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"replay exited before it was ready:{Environment.NewLine}{started.Log}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            started.Dispose();
            throw;
        }

        return started;
    }

    /// <summary>Kills the process like kill -9: no shutdown, nothing flushed beyond what was already written.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }
}
