using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Client;

namespace ReplayWorkflows.Cli.Demo;

/// <summary>
/// The whole product on one machine: the embedded Temporal-compatible server on a file, the SQLite data plane, workers
/// for every task queue in this process, a generated match played live into a folder (or read as VOD through its HLS
/// playlist), and one catch-up highlight replay. Prints progress and returns what was made and where.
/// </summary>
internal sealed class DemoRunner(TextWriter log, ILoggerFactory loggerFactory)
{
    public const string ReplayName = "highlights";

    public async Task<DemoResult> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outDir = Directory.CreateDirectory(settings.OutputDirectory).FullName;
        var temporalDb = Path.Combine(outDir, "temporal.db");
        var dataDb = Path.Combine(outDir, "replay.db");
        var server = await StartServerAsync(temporalDb, settings.Port, cancellationToken).ConfigureAwait(false);
        await using var serverScope = server.ConfigureAwait(false);
        await log.WriteLineAsync($"Temporal-compatible server on {server.Target} ({temporalDb}); data plane {dataDb}").ConfigureAwait(false);
        var options = new PipelineOptions
        {
            StorageRoot = outDir,
            SourcePollInterval = TimeSpan.FromMilliseconds(250),
            FolderSettleTime = TimeSpan.FromMilliseconds(250),
        };
        var host = await PipelineHost.StartAsync(server.Target, new DataPlaneOptions { SqlitePath = dataDb }, options, loggerFactory, cancellationToken).ConfigureAwait(false);
        await using var hostScope = host.ConfigureAwait(false);
        host.StartWorkers("replay-demo");
        return await RunEventAsync(settings, outDir, server, temporalDb, dataDb, host.Data, host.Client, options, clock, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DemoResult> RunEventAsync(
        DemoSettings settings, string outDir, DevServer server, string temporalDb, string dataDb, IDataPlane data, ITemporalClient client,
        PipelineOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        var eventId = string.Create(CultureInfo.InvariantCulture, $"demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}");
        GeneratedMatch? match = null;
        string source;
        Task feed = Task.CompletedTask;
        using var stopFeed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.Source is { } given)
        {
            source = given;
        }
        else
        {
            await log.WriteLineAsync($"Generating a {settings.DurationSeconds} s 720p25 match (cached under {Path.Combine(outDir, "media")})...").ConfigureAwait(false);
            match = await new MatchGenerator().EnsureAsync(new MatchSpec(settings.Seed, settings.DurationSeconds, MatchVariant.Hd720p25, 10), Path.Combine(outDir, "media"), cancellationToken).ConfigureAwait(false);
            if (settings.Vod)
            {
                source = $"hls:{match.PlaylistPath}";
            }
            else
            {
                var folder = Path.Combine(outDir, "live", eventId);
                source = $"folder:{folder}";
                feed = LiveFeed.RunAsync(match.ChunkPaths, folder, TimeSpan.FromSeconds(10), settings.Speed, options.EndMarker, stopFeed.Token);
            }
        }

        var profile = await ReadDemoProfileAsync(cancellationToken).ConfigureAwait(false);
        var input = new EventInput(eventId, $"Demo match {eventId}", "generated-match", profile, source, Vod: settings.Vod,
            Settings: new EventSettings(GapTimeoutMs: 30_000, ClipHls: false));
        var replaySeconds = Math.Max(30, settings.DurationSeconds / 4);
        var replay = new ReplaySpec(
            new ReplayRequest($"{eventId}-{ReplayName}", ReplayMode.Duration,
                [new FeatureSelector("ExcitementLabeler", "HighExcitement", Weight: 10), new FeatureSelector("Loudness", "Loud", Weight: 5)],
                DurationMs: replaySeconds * 1000L, ToleranceMs: 10_000, CatchUp: !settings.Vod),
            [settings.Resolution], Mp4: true, Hls: true, TransitionMs: 500);
        var pipeline = new PipelineClient(client, data);
        var handle = await pipeline.StartEventAsync(input, [(replay.Request.Id, replay)], cancellationToken).ConfigureAwait(false);
        await log.WriteLineAsync($"Event {eventId} started as workflow {handle.Id} ({(settings.Vod ? "VOD" : $"live at {settings.Speed.ToString(CultureInfo.InvariantCulture)}x")}, source {source})").ConfigureAwait(false);

        var result = handle.GetResultAsync();
        var last = "";
        while (!result.IsCompleted)
        {
            await Task.WhenAny(result, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (result.IsCompleted)
            {
                break;
            }

            var p = await pipeline.ProgressAsync(eventId).ConfigureAwait(false);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"  {p.Phase}: {p.ChunksReceived} chunks received, {p.ChunksProcessed} processed, {p.ChunksFailed} failed; {p.Segments} segments{(p.OpenSegmentStartMs is { } o ? $" (one open since {o / 1000.0:0.0} s)" : "")}; media {p.MediaEndMs / 1000.0:0.0} s");
            if (line != last)
            {
                await log.WriteLineAsync(line).ConfigureAwait(false);
                last = line;
            }
        }

        var summary = await result.ConfigureAwait(false);
        await stopFeed.CancelAsync().ConfigureAwait(false);
        try
        {
            await feed.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The event ended before the feed did (it only ends by its own schedule when given a duration).
        }

        return await SummarizeAsync(settings, summary, match, server, temporalDb, dataDb, data, clock, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DemoResult> SummarizeAsync(
        DemoSettings settings, EventSummary summary, GeneratedMatch? match, DevServer server, string temporalDb, string dataDb, IDataPlane data, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var eventId = summary.EventId;
        var segments = await data.Segments.QueryAsync(new SegmentQuery(eventId) { Closed = true }, cancellationToken).ConfigureAwait(false);
        var clips = await data.Clips.ListAsync(eventId, cancellationToken).ConfigureAwait(false);
        var exports = await data.Exports.ListAsync(eventId, cancellationToken).ConfigureAwait(false);
        DemoTruth? truth = null;
        if (match is not null)
        {
            var bursts = match.Truth.Bursts;
            truth = new DemoTruth(
                bursts.Count,
                bursts.Count(b => segments.Any(s => s.StartMs < b.EndMs && b.StartMs < s.EndMs)),
                segments.Count(s => !bursts.Any(b => s.StartMs < b.EndMs && b.StartMs < s.EndMs)));
        }

        var result = new DemoResult(
            eventId,
            settings.Vod ? "vod" : "live",
            server.Target,
            temporalDb,
            dataDb,
            summary.Progress.MediaEndMs,
            summary.Progress.ChunksProcessed,
            summary.Progress.ChunksFailed,
            summary.Progress.Gaps,
            segments.Select(s => new DemoSegment(s.StartMs, s.EndMs!.Value, s.OptimizedStartMs, s.OptimizedEndMs, s.Label)).ToList(),
            truth,
            clips.Where(c => c.Location is not null).Select(c => c.Location!).ToList(),
            summary.Replays.Select(r => new DemoReplay(r.ReplayId, r.Clips, r.DurationMs, r.Files)).ToList(),
            exports.Where(e => e.ReplayId.Length == 0 || e.Kind.StartsWith("replay", StringComparison.Ordinal)).Select(e => e.Location).Distinct(StringComparer.Ordinal).ToList(),
            summary.Progress.Failures.Select(f => $"chunk {f.Chunk}{(f.Plugin is { } p ? $" {p}" : "")}: {f.Message}").ToList(),
            clock.ElapsedMilliseconds);
        await PrintAsync(result).ConfigureAwait(false);
        return result;
    }

    private async Task PrintAsync(DemoResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        await log.WriteLineAsync(string.Create(inv, $"Event {r.EventId} complete in {r.ElapsedMs / 1000.0:0.0} s: {r.MediaMs / 1000.0:0.0} s of media, {r.ChunksProcessed} chunks processed, {r.ChunksFailed} failed, {r.Gaps.Count} gaps")).ConfigureAwait(false);
        await log.WriteLineAsync($"Segments: {r.Segments.Count}").ConfigureAwait(false);
        foreach (var s in r.Segments)
        {
            var opto = s.OptimizedStartMs is { } os && s.OptimizedEndMs is { } oe ? string.Create(inv, $" -> optimized {os / 1000.0:0.00}-{oe / 1000.0:0.00} s") : "";
            await log.WriteLineAsync(string.Create(inv, $"  {s.StartMs / 1000.0:0.00}-{s.EndMs / 1000.0:0.00} s{opto} {s.Label}")).ConfigureAwait(false);
        }

        if (r.GroundTruth is { } t)
        {
            await log.WriteLineAsync($"Ground truth: {t.BurstsFound} of {t.Bursts} excitement bursts found; {t.SegmentsWithoutBurst} segments without a burst").ConfigureAwait(false);
        }

        await log.WriteLineAsync($"Clips: {r.Clips.Count} under {(r.Clips.Count > 0 ? Path.GetDirectoryName(r.Clips[0]) : "-")}").ConfigureAwait(false);
        foreach (var replay in r.Replays)
        {
            await log.WriteLineAsync(string.Create(inv, $"Replay {replay.ReplayId}: {replay.Clips} clips, {replay.DurationMs / 1000.0:0.0} s")).ConfigureAwait(false);
            foreach (var file in replay.Files)
            {
                await log.WriteLineAsync($"  {file}").ConfigureAwait(false);
            }
        }

        await log.WriteLineAsync("Exports:").ConfigureAwait(false);
        foreach (var file in r.Exports)
        {
            await log.WriteLineAsync($"  {file}").ConfigureAwait(false);
        }

        foreach (var failure in r.Failures)
        {
            await log.WriteLineAsync($"Failure: {failure}").ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadDemoProfileAsync(CancellationToken cancellationToken)
    {
        var stream = typeof(DemoRunner).Assembly.GetManifestResourceStream("generated-match.yaml")
            ?? throw new InvalidOperationException("the demo profile is missing from this build");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DevServer> StartServerAsync(string database, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await DevServer.StartAsync(new DevServerOptions { Port = port, DbFilename = database, LogLevel = LogLevel.Warning }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new CliUserException($"cannot start the embedded server on port {port} with {database}: {ex.Message}");
        }
    }
}
