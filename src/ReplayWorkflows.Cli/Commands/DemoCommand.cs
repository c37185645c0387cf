using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using ReplayWorkflows.Activities.Demo;
using ReplayWorkflows.Workflows.Demo;
using ReplayWorkflows.Temporal.Server;
using Temporalio.Client;
using Temporalio.Worker;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay demo</c>: the main job on the embedded default. Until the replay pipeline lands it starts the embedded
/// Temporal-compatible server on a file database and runs a smoke workflow through our SDK end to end.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Where the demo writes its files", DefaultValueFactory = _ => new DirectoryInfo("replay-output") };
        var port = new Option<int>("--port") { Description = "Port of the embedded server (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var serve = new Option<bool>("--serve") { Description = "Keep the embedded server running after the demo (Ctrl+C stops it)" };
        var format = new Option<string>("--output", "-o") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("demo", "Run ReplayWorkflows end to end on the embedded default (in-process server, SQLite file)")
        {
            outDir, port, serve, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(format) == "json";
            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir.FullName);
            var result = await RunAsync(dir.FullName, parse.GetValue(port), json ? TextWriter.Null : output, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, DemoJson.Options)).ConfigureAwait(false);
            }

            if (parse.GetValue(serve))
            {
                await output.WriteLineAsync($"Serving on {result.Server}; press Ctrl+C to stop.").ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: a normal way to stop serving.
                }
            }

            return 0;
        });
        _ = error;
        return command;
    }

    private static readonly string[] DemoChunks = ["match_1.ts", "match_2.ts", "match_3.ts"];

    private static async Task<DemoResult> RunAsync(string outDir, int port, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var database = Path.Combine(outDir, "temporal.db");
        var server = await StartServerAsync(database, port, cancellationToken).ConfigureAwait(false);
        await using var serverScope = server.ConfigureAwait(false);
        await log.WriteLineAsync($"Embedded Temporal-compatible server on {server.Target} (database {database})").ConfigureAwait(false);

        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target)).ConfigureAwait(false);
        const string taskQueue = "replay-demo";
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(taskQueue)
            .AddWorkflow<SmokeWorkflow>()
            .AddAllActivities(typeof(SmokeActivities), null));
        var workflowId = $"demo-{DateTime.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var (result, events) = await worker.ExecuteAsync(async () =>
        {
            var handle = await client.StartWorkflowAsync((SmokeWorkflow w) => w.RunAsync(3), new WorkflowOptions(workflowId, taskQueue)).ConfigureAwait(false);
            await log.WriteLineAsync($"Started workflow {workflowId}; sending three ChunkArrived signals").ConfigureAwait(false);
            foreach (var chunk in DemoChunks)
            {
                await handle.SignalAsync(w => w.ChunkArrivedAsync(chunk)).ConfigureAwait(false);
            }

            var outcome = await handle.GetResultAsync().ConfigureAwait(false);
            var received = await handle.QueryAsync(w => w.ChunksReceived).ConfigureAwait(false);
            var history = await handle.FetchHistoryAsync().ConfigureAwait(false);
            await log.WriteLineAsync($"Query ChunksReceived after completion: {received}").ConfigureAwait(false);
            return (outcome, history.Events.Count);
        }, cancellationToken).ConfigureAwait(false);

        var summary = new DemoResult(server.Target, database, workflowId, result.Chunks, result.Summary, events, clock.ElapsedMilliseconds);
        await log.WriteLineAsync($"Workflow completed: {result.Summary}").ConfigureAwait(false);
        await log.WriteLineAsync($"History: {events} events; total {clock.ElapsedMilliseconds} ms").ConfigureAwait(false);
        await log.WriteLineAsync("The replay pipeline (clips, highlight replays, exports) is not built yet; this demo proves the embedded engine.").ConfigureAwait(false);
        return summary;
    }

    private static async Task<DevServer> StartServerAsync(string database, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await DevServer.StartAsync(new DevServerOptions { Port = port, DbFilename = database, LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CliUserException($"cannot start the embedded server on port {port} with {database}: {ex.Message}");
        }
    }

    /// <summary>The demo's summary, also printed as JSON with --output json.</summary>
    internal sealed record DemoResult(string Server, string Database, string WorkflowId, int Chunks, string Summary, int HistoryEvents, long ElapsedMs);

    private static class DemoJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };
    }
}
