using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Data;
using ReplayWorkflows.Plugins;
using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Testing;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Client;

namespace ReplayWorkflows.EndToEnd.Support;

/// <summary>
/// One deployment for a test: the dev server on a SQLite file, the SQLite data plane, storage in a temp folder, and
/// workers (one set, or more with different identities) for every task queue.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly List<(CancellationTokenSource Stop, Task Run)> workers = [];

    private PipelineHarness(string root, DevServer server, IDataPlane data, ITemporalClient client, PipelineOptions options)
    {
        Root = root;
        Server = server;
        Data = data;
        Client = client;
        Options = options;
        Pipeline = new PipelineClient(client, data);
    }

    public string Root { get; }

    public DevServer Server { get; }

    public IDataPlane Data { get; }

    public ITemporalClient Client { get; }

    public PipelineOptions Options { get; }

    public PipelineClient Pipeline { get; }

    public static async Task<PipelineHarness> StartAsync(Action<PipelineOptions>? configure = null)
    {
        var root = Directory.CreateTempSubdirectory("rw-e2e-").FullName;
        var server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = Path.Combine(root, "temporal.db"), LogLevel = LogLevel.Warning });
        var data = await DataPlaneFactory.OpenAsync(new DataPlaneOptions { SqlitePath = Path.Combine(root, "replay.db") });
        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
        var options = new PipelineOptions
        {
            StorageRoot = Path.Combine(root, "storage"),
            SourcePollInterval = TimeSpan.FromMilliseconds(200),
            FolderSettleTime = TimeSpan.FromMilliseconds(300),
        };
        configure?.Invoke(options);
        return new PipelineHarness(root, server, data, client, options);
    }

    /// <summary>Starts workers for <paramref name="queues"/> (all by default) under <paramref name="identity"/>.</summary>
    public PipelineServices StartWorkers(string identity = "e2e-worker", IEnumerable<string>? queues = null, BuiltInPluginHost? plugins = null)
    {
        var services = new PipelineServices(Data, Client, Options, NullLoggerFactory.Instance, plugins: plugins);
        var stop = new CancellationTokenSource();
        workers.Add((stop, PipelineWorkers.RunAsync(services, queues ?? TaskQueues.All, stop.Token, identity)));
        return services;
    }

    public static string GeneratedProfile => File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", "generated-match.yaml"));

    public static EventInput Event(string eventId, string source, bool vod, EventSettings? settings = null) =>
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

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in workers)
        {
            await stop.CancelAsync();
            try
            {
                await run.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Shutting down.
            }

            stop.Dispose();
        }

        await Data.DisposeAsync();
        await Server.DisposeAsync();
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
