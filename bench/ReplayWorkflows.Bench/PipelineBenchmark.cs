using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Client;

namespace ReplayWorkflows.Bench;

/// <summary>
/// The whole pipeline on one machine (embedded server on a file, SQLite data plane, in-process workers): a generated
/// 720p match with 20 s chunks as VOD (wall time against a plain FFmpeg decode of the same media, orchestration cost
/// per chunk), then a shorter one live at real-time pace (delay from a chunk's arrival to its segments' clips).
/// </summary>
internal sealed class PipelineBenchmark : IBenchmark
{
    public string Name => "pipeline";

    public string Description =>
        "VOD match through the pipeline vs plain decode, per-chunk orchestration cost, live chunk-to-clip delay [vodSeconds=1800] [liveSeconds=180] [replay: live with a catch-up replay]";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var vodSeconds = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1800;
        var liveSeconds = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 180;
        var liveReplay = args.Count > 2 && args[2] is "replay" or "catch-up";
        var root = BenchPaths.RepoRoot;
        var cache = Directory.CreateDirectory(Path.Combine(root, ".cache", "media")).FullName;
        var profile = await File.ReadAllTextAsync(Path.Combine(root, "samples", "profiles", "generated-match.yaml"), cancellationToken);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {vodSeconds} s VOD and {liveSeconds} s live 720p25 matches, 20 s chunks");

        var vod = await new MatchGenerator().EnsureAsync(new MatchSpec(7, Math.Max(vodSeconds, 60), MatchVariant.Hd720p25, 20), cache, cancellationToken);
        var decodeCpu = ProcessCpu.Now();
        var decode = Stopwatch.StartNew();
        await FFmpegRunner.Default.RunFFmpegAsync(["-v", "error", "-i", vod.Mp4Path, "-f", "null", "-"], cancellationToken: cancellationToken);
        decode.Stop();
        Console.WriteLine($"plain decode (video + audio) of the match: {decode.Elapsed.TotalSeconds:0.0} s, {(ProcessCpu.Now() - decodeCpu).Describe(decode.Elapsed)}");

        var work = Directory.CreateTempSubdirectory("rw-bench-pipeline-").FullName;
        try
        {
            await using var server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = Path.Combine(work, "temporal.db"), LogLevel = LogLevel.Warning }, cancellationToken);
            var options = new PipelineOptions { StorageRoot = Path.Combine(work, "storage"), SourcePollInterval = TimeSpan.FromMilliseconds(200), FolderSettleTime = TimeSpan.FromMilliseconds(200) };
            await using var host = await PipelineHost.StartAsync(server.Target, new DataPlaneOptions { SqlitePath = Path.Combine(work, "replay.db") }, options, cancellationToken: cancellationToken);
            host.StartWorkers("bench");
            var (data, client, pipeline) = (host.Data, host.Client, host.Pipeline);

            // VOD: everything at once through the match's HLS playlist, with an after-event replay (0 s skips it).
            if (vodSeconds > 0)
            {
                await RunVodAsync(vod, decode.Elapsed, client, pipeline, profile, cancellationToken);
            }

            if (liveSeconds > 0)
            {
                await RunLiveAsync(liveSeconds, liveReplay, cache, work, profile, options, client, data, pipeline, cancellationToken);
            }

        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RunLiveAsync(
        int liveSeconds, bool catchUpReplay, string cache, string work, string profile, PipelineOptions options, ITemporalClient client, IDataPlane data, PipelineClient pipeline,
        CancellationToken cancellationToken)
    {
        // Live: chunks appear in a folder at real-time pace; delay from the arrival of the chunk that lets a segment
        // finish (its end plus the optimizer's window) to the segment's clips being written.
        var live = await new MatchGenerator().EnsureAsync(new MatchSpec(11, liveSeconds, MatchVariant.Hd720p25, 20), cache, cancellationToken);
        var folder = Directory.CreateDirectory(Path.Combine(work, "live")).FullName;
        // With a catch-up replay, its re-renders share the machine with the clips (as in `replay demo`).
        var liveHandle = await pipeline.StartEventAsync(
            new EventInput("bench-live", "bench live", "generated-match", profile, $"folder:{folder}"),
            catchUpReplay ? [("bench-live-highlights", Highlights("bench-live-highlights", catchUp: true))] : null,
            cancellationToken);
        Console.WriteLine($"live: {liveSeconds} s, {(catchUpReplay ? "with" : "without")} a catch-up 720p replay");
        var arrivals = new Dictionary<int, long>();
        for (var i = 0; i < live.ChunkPaths.Count; i++)
        {
            var target = Path.Combine(folder, Path.GetFileName(live.ChunkPaths[i]));
            File.Copy(live.ChunkPaths[i], target + ".part");
            File.Move(target + ".part", target);
            arrivals[i + 1] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, options.EndMarker), "", cancellationToken);
        await liveHandle.GetResultAsync();
        var chunks = await data.Chunks.ListAsync("bench-live", cancellationToken);
        var clips = await data.Clips.ListAsync("bench-live", cancellationToken);
        var delays = new List<double>();
        var stages = new LiveStages();
        foreach (var segment in await data.Segments.QueryAsync(new SegmentQuery("bench-live") { Closed = true }, cancellationToken))
        {
            // Readiness as the event workflow decides it: the detectors have covered the end plus the 3 s window.
            var enabling = chunks.FirstOrDefault(c => c.EndMs >= segment.EndMs!.Value + 3_000);
            var ready = clips.Where(c => c.SegmentStartMs == segment.StartMs).Select(c => c.UpdatedUnixMs).DefaultIfEmpty(0).Max();
            if (enabling is not null && ready > 0)
            {
                delays.Add(ready - arrivals[enabling.ChunkNumber]);
                var chunk = await client.GetWorkflowHandle($"chunk-bench-live-{enabling.ChunkNumber}").DescribeAsync();

                // A clip workflow is named for the first segment of its batch; segments batched behind it are skipped here.
                await foreach (var clip in client.ListWorkflowsAsync($"WorkflowId = 'clip-bench-live-{segment.StartMs}'"))
                {
                    stages.Add(arrivals[enabling.ChunkNumber], chunk.StartTime, chunk.CloseTime!.Value, clip.StartTime, clip.CloseTime!.Value, ready);
                }
            }
        }

        delays.Sort();
        var liveOverhead = new List<double>();
        foreach (var chunk in chunks)
        {
            var outcome = await client.GetWorkflowHandle($"chunk-bench-live-{chunk.ChunkNumber}").GetResultAsync<ChunkOutcome>();
            liveOverhead.Add(outcome.ElapsedMs - outcome.WorkMs);
        }

        liveOverhead.Sort();
        var liveEngine = new List<double>();
        foreach (var chunk in chunks)
        {
            liveEngine.Add(await WorkflowIdleTime.OrchestrationMsAsync(client, $"chunk-bench-live-{chunk.ChunkNumber}"));
        }

        liveEngine.Sort();
        Console.WriteLine($"live chunk workflow orchestration with no activity queued or running p50 {Percentile(liveEngine, 50):0} ms");
        Console.WriteLine($"live chunk workflow orchestration (elapsed - work) p50 {Percentile(liveOverhead, 50):0} ms, max {liveOverhead[^1]:0} ms over {liveOverhead.Count} chunks");
        Console.WriteLine(delays.Count == 0
            ? "live: no segment closed before the event ended"
            : $"live chunk arrival -> segment clips ready: p50 {Percentile(delays, 50) / 1000.0:0.00} s, max {delays[^1] / 1000.0:0.00} s over {delays.Count} segments (target p50 < 3 s)");
        stages.Print();
        Console.WriteLine("live activity time of the chunk and clip workflows (summed):");
        await ActivityTimeBreakdown.PrintAsync(client, "WorkflowId STARTS_WITH 'chunk-bench-live-'");
        await ActivityTimeBreakdown.PrintAsync(client, "WorkflowId STARTS_WITH 'clip-bench-live-'");
    }

    private static async Task RunVodAsync(GeneratedMatch vod, TimeSpan decode, ITemporalClient client, PipelineClient pipeline, string profile, CancellationToken cancellationToken)
    {
        var cpu = ProcessCpu.Now();
        var clock = Stopwatch.StartNew();
        var handle = await pipeline.StartEventAsync(
            new EventInput("bench-vod", "bench vod", "generated-match", profile, $"hls:{vod.PlaylistPath}", Vod: true),
            [("bench-vod-highlights", Highlights("bench-vod-highlights", catchUp: false))], cancellationToken);
        var summary = await handle.GetResultAsync();
        clock.Stop();
        cpu = ProcessCpu.Now() - cpu;
        var outcomes = new List<ChunkOutcome>();
        foreach (var n in Enumerable.Range(1, vod.ChunkPaths.Count))
        {
            outcomes.Add(await client.GetWorkflowHandle($"chunk-bench-vod-{n}").GetResultAsync<ChunkOutcome>());
        }

        var overhead = outcomes.Select(o => (double)(o.ElapsedMs - o.WorkMs)).Order().ToList();
        var work1 = outcomes.Select(o => (double)o.WorkMs).Order().ToList();
        var engine = new List<double>();
        foreach (var n in Enumerable.Range(1, vod.ChunkPaths.Count))
        {
            engine.Add(await WorkflowIdleTime.OrchestrationMsAsync(client, $"chunk-bench-vod-{n}"));
        }

        engine.Sort();
        Console.WriteLine($"VOD: {summary.Progress.ChunksProcessed} chunks, {summary.Progress.Segments} segments, {summary.Progress.Clips} clips, replay {summary.Replays.Sum(r => r.DurationMs) / 1000.0:0.0} s");
        Console.WriteLine($"VOD wall time {clock.Elapsed.TotalSeconds:0.0} s = {clock.Elapsed / decode:0.00}x the plain decode (target <= 1.5x); {cpu.Describe(clock.Elapsed)}");
        Console.WriteLine($"chunk workflow: activity work p50 {Percentile(work1, 50):0} ms; orchestration (elapsed - work) p50 {Percentile(overhead, 50):0} ms, p90 {Percentile(overhead, 90):0} ms (target p50 < 50 ms)");
        Console.WriteLine($"chunk workflow: orchestration with no activity queued or running p50 {Percentile(engine, 50):0} ms, p90 {Percentile(engine, 90):0} ms (the rest of elapsed - work is activities waiting for a free worker slot)");
        // The phases as they ended: the last chunk analysed, the last segment clipped, then the after-event replay.
        var eventStart = (await client.GetWorkflowHandle(EventInput.WorkflowIdFor("bench-vod")).DescribeAsync()).StartTime;
        async Task<double> LastCloseAsync(string prefix)
        {
            var last = eventStart;
            await foreach (var run in client.ListWorkflowsAsync($"WorkflowId STARTS_WITH '{prefix}'"))
            {
                last = run.CloseTime is { } c && c > last ? c : last;
            }

            return (last - eventStart).TotalSeconds;
        }

        var analysed = await LastCloseAsync("chunk-bench-vod-");
        Console.WriteLine(
            $"VOD phases from the event's start: last chunk analysed at {analysed:0.0} s ({analysed / decode.TotalSeconds:0.00}x the decode), "
            + $"last clip at {await LastCloseAsync("clip-bench-vod-"):0.0} s, replay rendered at {await LastCloseAsync("replay-bench-vod"):0.0} s");
        Console.WriteLine("VOD activity time (summed, activities overlap):");
        // Runs before the live part starts, so every closed run is the VOD event's.
        await ActivityTimeBreakdown.PrintAsync(client, "ExecutionStatus != 'Running'");
    }

    private static ReplaySpec Highlights(string id, bool catchUp) =>
        new(new ReplayRequest(id, ReplayMode.Duration,
                [new FeatureSelector("ExcitementLabeler", "HighExcitement", Weight: 10), new FeatureSelector("Loudness", "Loud", Weight: 5)],
                DurationMs: 120_000, ToleranceMs: 15_000, CatchUp: catchUp),
            ["720p"], Mp4: true, Hls: true, TransitionMs: 500);

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
