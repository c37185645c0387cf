using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Data;
using ReplayWorkflows.Plugins;
using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Testing;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.EndToEnd.Support;

/// <summary>
/// One deployment for a test: the dev server on a SQLite file, the SQLite data plane, storage in a temp folder, and
/// workers (one set, or more with different identities) for every task queue.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly PipelineHost host;

    private PipelineHarness(string root, DevServer? server, ReplayProcess? serverProcess, string target, PipelineHost host)
    {
        Root = root;
        Server = server;
        ServerProcess = serverProcess;
        Target = target;
        this.host = host;
    }

    public string Root { get; }

    /// <summary>The in-process server, or null when the server runs as a <c>replay server start-dev</c> process.</summary>
    public DevServer? Server { get; }

    public ReplayProcess? ServerProcess { get; private set; }

    public string Target { get; }

    public string TemporalDatabase => Path.Combine(Root, "temporal.db");

    public string DataDatabase => Path.Combine(Root, "replay.db");

    public IDataPlane Data => host.Data;

    public ITemporalClient Client => host.Client;

    public PipelineOptions Options => host.Options;

    public PipelineClient Pipeline => host.Pipeline;

    /// <param name="serverProcess">Run the server as a child process (so a test can kill it) instead of in-process.</param>
    public static async Task<PipelineHarness> StartAsync(Action<PipelineOptions>? configure = null, bool serverProcess = false)
    {
        var root = Directory.CreateTempSubdirectory("rw-e2e-").FullName;
        var database = Path.Combine(root, "temporal.db");
        DevServer? server = null;
        ReplayProcess? process = null;
        string target;
        if (serverProcess)
        {
            var port = Ports.Free();
            process = await StartServerProcessAsync(database, port);
            target = $"127.0.0.1:{port}";
        }
        else
        {
            server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = database, LogLevel = LogLevel.Warning });
            target = server.Target;
        }

        var options = new PipelineOptions
        {
            StorageRoot = Path.Combine(root, "storage"),
            SourcePollInterval = TimeSpan.FromMilliseconds(200),
            FolderSettleTime = TimeSpan.FromMilliseconds(300),
        };
        configure?.Invoke(options);
        var host = await PipelineHost.StartAsync(target, new DataPlaneOptions { SqlitePath = Path.Combine(root, "replay.db") }, options);
        return new PipelineHarness(root, server, process, target, host);
    }

    /// <summary>Kills the server process like kill -9 and starts it again on the same port and database.</summary>
    public async Task RestartServerHardAsync(TimeSpan downtime)
    {
        var process = ServerProcess ?? throw new InvalidOperationException("the server runs in-process");
        process.KillHard();
        process.Dispose();
        await Task.Delay(downtime);
        ServerProcess = await StartServerProcessAsync(TemporalDatabase, int.Parse(Target.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Starts <c>replay worker</c> as a child process for every task queue, sharing this harness's data and storage.</summary>
    public Task<ReplayProcess> StartWorkerProcessAsync(string identity) =>
        ReplayProcess.StartAsync(
            ["worker", "--address", Target, "--data-db", DataDatabase, "--storage", Options.StorageRoot, "--identity", identity, "--log-level", "warn"],
            "worker ");

    private static Task<ReplayProcess> StartServerProcessAsync(string database, int port) =>
        ReplayProcess.StartAsync(
            ["server", "start-dev", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db-filename", database, "--log-level", "warn"],
            "Server:");

    /// <summary>Starts workers for <paramref name="queues"/> (all by default) under <paramref name="identity"/>.</summary>
    public PipelineServices StartWorkers(string identity = "e2e-worker", IEnumerable<string>? queues = null, BuiltInPluginHost? plugins = null) =>
        host.StartWorkers(identity, queues, plugins);

    public static string GeneratedProfile => File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", "generated-match.yaml"));

    public static EventInput Event(string eventId, string? source, bool vod, EventSettings? settings = null) =>
        new(eventId, $"E2E {eventId}", "generated-match", GeneratedProfile, source, Vod: vod, Settings: settings ?? new EventSettings(GapTimeoutMs: 20_000));

    public static ReplaySpec Highlights(string replayId, long durationMs, bool catchUp, params string[] resolutions) =>
        new(new Core.Replays.ReplayRequest(replayId, Core.Replays.ReplayMode.Duration,
                [new Core.Replays.FeatureSelector("ExcitementLabeler", "HighExcitement", Weight: 10), new Core.Replays.FeatureSelector("Loudness", "Loud", Weight: 5)],
                DurationMs: durationMs, ToleranceMs: 10_000, CatchUp: catchUp),
            resolutions.Length > 0 ? resolutions : ["360p"], Mp4: true, Hls: true, TransitionMs: 500);

    public async Task<EventSummary> RunEventAsync(EventInput input, TimeSpan timeout, params (string, ReplaySpec)[] replays)
    {
        var handle = await Pipeline.StartEventAsync(input, replays);
        return await handle.GetResultAsync().WaitAsync(timeout);
    }

    /// <summary>
    /// Replays every workflow run on this server (events and their chunk, clip, replay and export workflows) from its
    /// history with the current workflow code: what a new worker does after a restart. Non-determinism fails the test.
    /// </summary>
    public async Task AssertEveryHistoryReplaysAsync()
    {
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions()
            .AddWorkflow<Workflows.Events.EventWorkflow>().AddWorkflow<Workflows.Chunks.ChunkWorkflow>().AddWorkflow<Workflows.Clips.ClipWorkflow>()
            .AddWorkflow<Workflows.Replays.ReplayWorkflow>().AddWorkflow<Workflows.Exports.ExportWorkflow>());
        var replayed = 0;
        await foreach (var run in Client.ListWorkflowsAsync("ExecutionStatus != 'Running'"))
        {
            var history = await Client.GetWorkflowHandle(run.Id, run.RunId).FetchHistoryAsync();
            var result = await replayer.ReplayWorkflowAsync(history, throwOnReplayFailure: false);
            result.ReplayFailure.ShouldBeNull($"{run.Id} ({run.WorkflowType}) does not replay: {result.ReplayFailure?.Message}");
            replayed++;
        }

        replayed.ShouldBeGreaterThan(0);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        ServerProcess?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying FFmpeg; the temp folder is cleaned by the OS.
        }
    }
}
