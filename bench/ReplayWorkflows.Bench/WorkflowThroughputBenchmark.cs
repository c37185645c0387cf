using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ReplayWorkflows.Temporal.Server;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Bench;

/// <summary>
/// Drives one-activity workflows through our C# SDK worker against the in-process dev server, in memory and on a
/// SQLite file, then the same workload through the official TypeScript SDK's worker and client on the same server
/// (ours should be within 1.5x of its throughput), the TS worker one workflow at a time (server latency without
/// queueing), and how long rebuilding a 1,000-activity workflow from its history takes. Args: [workflows=500] [concurrency=50] [replayActivities=1000].
/// </summary>
internal sealed class WorkflowThroughputBenchmark : IBenchmark
{
    public string Name => "workflows";

    public string Description => "one-activity workflows/s and start-to-close latency through our SDK and dev server; replay cost";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var count = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var concurrency = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var replayActivities = args.Count > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        foreach (var file in new[] { false, true })
        {
            var db = file ? Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.db") : null;
            try
            {
                await using var server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = db }, cancellationToken);
                var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
                var mode = file ? "file" : "memory";
                var ours = await MeasureThroughputAsync(client, mode, count, concurrency, cancellationToken);
                var theirs = await RunTypeScriptAsync(server.Target, mode, count, concurrency, cancellationToken);
                if (theirs > 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio  {mode}: TS throughput / ours = {theirs / ours:F2} (target: at most 1.5)"));
                }

                // Latency without queueing: one workflow at a time through the TS worker (the server target is p50 <= 15 ms on a file).
                await RunTypeScriptAsync(server.Target, mode, Math.Min(count, 100), 1, cancellationToken);

                if (file)
                {
                    await MeasureReplayAsync(client, replayActivities, cancellationToken);
                }
            }
            finally
            {
                foreach (var path in new[] { db, db + "-wal", db + "-shm" })
                {
                    if (path is not null && File.Exists(path))
                    {
                        File.Delete(path);
                    }
                }
            }
        }
    }

    private static async Task<double> MeasureThroughputAsync(TemporalClient client, string mode, int count, int concurrency, CancellationToken cancellationToken)
    {
        var queue = $"bench-{mode}-{Guid.NewGuid():N}";
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue)
            .AddWorkflow<OneActivityWorkflow>()
            .AddAllActivities(typeof(BenchActivities), null));
        var latencies = new double[count];
        var wall = Stopwatch.StartNew();
        await worker.ExecuteAsync(async () =>
        {
            // Warm-up outside the measurement: JIT, connections, first poll.
            await client.ExecuteWorkflowAsync((OneActivityWorkflow w) => w.RunAsync(0), new WorkflowOptions($"warm-{queue}", queue));
            wall.Restart();
            using var gate = new SemaphoreSlim(concurrency);
            var runs = Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var clock = Stopwatch.StartNew();
                    var result = await client.ExecuteWorkflowAsync((OneActivityWorkflow w) => w.RunAsync(i), new WorkflowOptions($"{queue}-{i}", queue));
                    latencies[i] = clock.Elapsed.TotalMilliseconds;
                    if (result != i + 1)
                    {
                        throw new InvalidOperationException($"workflow {i} returned {result}");
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(runs);
        }, cancellationToken);
        var seconds = wall.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"{mode,-6} {count} workflows, {concurrency} in flight: {count / seconds,7:F1} workflows/s; " +
            $"start-to-close p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms");
        return count / seconds;
    }

    /// <summary>Runs the conformance suite's throughput script (TS client and worker) against the same server; returns workflows/s.</summary>
    private static async Task<double> RunTypeScriptAsync(string target, string mode, int count, int concurrency, CancellationToken cancellationToken)
    {
        var script = Path.Combine(BenchPaths.RepoRoot, "tests", "ReplayWorkflows.Conformance", "scenarios", "throughput.js");
        if (!Directory.Exists(Path.Combine(BenchPaths.NodeModules, "@temporalio", "worker")))
        {
            Console.WriteLine("ts     skipped: the TypeScript SDK is not installed (run the test command once, or npm install in tests/node)");
            return 0;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = BenchPaths.RepoRoot };
        foreach (var arg in new[] { script, count.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NODE_PATH"] = BenchPaths.NodeModules;
        start.Environment["TEMPORAL_ADDRESS"] = target;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = node.StandardError.ReadToEndAsync(cancellationToken);

        // This process hosts only the server while node runs, so its CPU time from the client's first measured
        // workflow to the last is the server's.
        var serverCpu = TimeSpan.Zero;
        string? line = null;
        while (await node.StandardOutput.ReadLineAsync(cancellationToken) is { } output)
        {
            if (output.Contains("\"phase\":\"measuring\"", StringComparison.Ordinal))
            {
                serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
            }
            else if (output.StartsWith('{'))
            {
                line = output;
                serverCpu = Process.GetCurrentProcess().TotalProcessorTime - serverCpu;
            }
        }

        await node.WaitForExitAsync(cancellationToken);
        if (node.ExitCode != 0 || line is null)
        {
            Console.WriteLine($"ts     failed (exit {node.ExitCode}): {(await stderr).Trim().Split('\n').LastOrDefault()}");
            return 0;
        }

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var perSecond = root.GetProperty("perSecond").GetDouble();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ts {mode,-6} {count} workflows, {concurrency} in flight: {perSecond,7:F1} workflows/s; start-to-close p50 {root.GetProperty("p50ms").GetDouble():F1} ms, p99 {root.GetProperty("p99ms").GetDouble():F1} ms (TypeScript SDK worker and client)"));
        // CPU per workflow shows who limits throughput on a small machine: 2 cores / total CPU per workflow is the ceiling.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   CPU per workflow: TS worker {root.GetProperty("workerCpuMsPerWorkflow").GetDouble():F2} ms, TS client {root.GetProperty("clientCpuMsPerWorkflow").GetDouble():F2} ms, our server {serverCpu.TotalMilliseconds / count:F2} ms"));
        return perSecond;
    }

    private static async Task MeasureReplayAsync(TemporalClient client, int activities, CancellationToken cancellationToken)
    {
        var queue = $"bench-replay-{Guid.NewGuid():N}";
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue)
            .AddWorkflow<ManyActivitiesWorkflow>()
            .AddAllActivities(typeof(BenchActivities), null));
        var id = $"replay-{queue}";
        var run = Stopwatch.StartNew();
        await worker.ExecuteAsync(() => client.ExecuteWorkflowAsync((ManyActivitiesWorkflow w) => w.RunAsync(activities), new WorkflowOptions(id, queue)), cancellationToken);
        var runSeconds = run.Elapsed.TotalSeconds;
        var history = await client.GetWorkflowHandle(id).FetchHistoryAsync();
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ManyActivitiesWorkflow>());
        await replayer.ReplayWorkflowAsync(history, cancellationToken: cancellationToken); // warm-up
        var replay = Stopwatch.StartNew();
        const int rounds = 5;
        for (var i = 0; i < rounds; i++)
        {
            await replayer.ReplayWorkflowAsync(history, cancellationToken: cancellationToken);
        }

        Console.WriteLine($"replay {activities} sequential activities ({history.Events.Count} events): ran in {runSeconds:F1} s; " +
            $"rebuilding from history takes {replay.Elapsed.TotalMilliseconds / rounds:F1} ms");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
