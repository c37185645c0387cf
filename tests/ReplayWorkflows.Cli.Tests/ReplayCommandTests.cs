using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Temporal.Server;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Cli.Tests;

/// <summary>
/// <c>replay worker</c>, <c>event</c>, <c>replay</c> and <c>export</c> together: an in-memory server, a worker run
/// through the command tree on a background task, a generated 60 s match as VOD, a replay of the finished event and
/// its EDL export.
/// </summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public async Task A_bad_feature_is_a_usage_error_on_one_line()
    {
        var (code, _, error) = await RunAsync("replays", "create", "--event", "e", "--duration", "60", "--feature", "Loudness");

        code.ShouldBe(2);
        var lines = error.Trim().Split('\n');
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldContain("Plugin.Attribute=weight");
    }

    [Fact]
    public async Task A_replay_without_features_is_refused_before_anything_is_stored()
    {
        var (code, _, error) = await RunAsync("replays", "create", "--event", "e", "--duration", "60", "--data-db", "/nonexistent/never/replay.db");

        code.ShouldBe(1);
        error.Trim().ShouldContain("needs at least one feature");
    }

    [Fact]
    public async Task A_fade_with_a_transition_clip_or_a_missing_clip_is_a_usage_error()
    {
        var (code, _, error) = await RunAsync("replays", "create", "--event", "e", "--duration", "60", "--feature", "Loudness.Loud=5", "--transition-clip", "/nonexistent/sting.mp4");
        code.ShouldBe(2);
        error.ShouldContain("--transition-clip /nonexistent/sting.mp4 does not exist");

        (code, _, error) = await RunAsync("replays", "create", "--event", "e", "--duration", "60", "--feature", "Loudness.Loud=5", "--fade", "300", "--transition-clip", "s3://b/sting.mp4");
        code.ShouldBe(2);
        error.ShouldContain("--fade and --transition-clip are alternatives");
    }

    [Fact]
    public async Task A_worker_runs_an_event_from_start_to_replay_and_export()
    {
        var dir = Directory.CreateTempSubdirectory("replay-cli-e2e-").FullName;
        var db = Path.Combine(dir, "replay.db");
        var match = await new MatchGenerator().EnsureAsync(new MatchSpec(Seed: 7, DurationSeconds: 60, ChunkSeconds: 10), Path.Combine(RepoPaths.Cache, "media"));
        var server = await DevServer.StartAsync(new DevServerOptions { Port = 0 });
        await using var serverScope = server;
        string[] Common(params string[] args) => [.. args, "--address", server.Target, "--data-db", db];

        using var stop = new CancellationTokenSource();
        var workerText = new StringWriter();
        var workerErrText = new StringWriter();
        var workerOut = TextWriter.Synchronized(workerText);
        var workerErr = TextWriter.Synchronized(workerErrText);
        var worker = Task.Run(() => ReplayCli.BuildRootCommand(workerOut, workerErr)
            .Parse(Common("worker", "--storage", Path.Combine(dir, "out"), "--log-level", "warn"))
            .InvokeAsync(new InvocationConfiguration { Output = workerOut, Error = workerErr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, stop.Token));
        try
        {
            var eventId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
            var profile = Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", "generated-match.yaml");
            var (code, output, error) = await RunAsync(Common(
                "event", "start", "--name", "CLI match " + eventId, "--profile", profile, "--source", "hls:" + match.PlaylistPath, "--vod", "--id", eventId, "-o", "json"));
            code.ShouldBe(0, error);
            using (var started = JsonDocument.Parse(output))
            {
                started.RootElement.GetProperty("workflowId").GetString().ShouldBe($"event-{eventId}");
            }

            var announced = Stopwatch.StartNew();
            while (workerText.ToString().Length == 0 && announced.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }

            workerText.ToString().ShouldStartWith("worker replay-worker@");
            workerText.ToString().ShouldContain($"replay-events, replay-plugins-featurer, replay-plugins-classifier, replay-plugins-optimizer, replay-plugins-labeler, replay-render, replay-render-replays on {server.Target}");

            var clock = Stopwatch.StartNew();
            JsonElement shown;
            while (true)
            {
                worker.IsCompleted.ShouldBeFalse($"the worker stopped: {workerErrText}");
                (code, output, error) = await RunAsync(Common("event", "show", eventId, "-o", "json"));
                code.ShouldBe(0, error);
                shown = JsonDocument.Parse(output).RootElement;
                if (shown.GetProperty("workflowStatus").GetString() == "Completed")
                {
                    break;
                }

                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), output);
                await Task.Delay(1000);
            }

            shown.GetProperty("status").GetString().ShouldBe("Complete");
            shown.GetProperty("progress").GetProperty("chunksProcessed").GetInt32().ShouldBe(6);
            shown.GetProperty("segments").GetArrayLength().ShouldBeGreaterThan(0, output);

            var replayId = eventId + "-best";
            (code, output, error) = await RunAsync(Common(
                "replays", "create", "--event", eventId, "--duration", "15", "--feature", "ExcitementLabeler.HighExcitement=10", "--feature", "Loudness.Loud=5",
                "--format", "mp4", "--resolution", "360p", "--id", replayId, "-o", "json"));
            code.ShouldBe(0, error);
            using (var created = JsonDocument.Parse(output))
            {
                var files = created.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
                files.ShouldNotBeEmpty(output);
                files.ShouldAllBe(f => File.Exists(f));
            }

            (code, output, error) = await RunAsync("replays", "show", replayId, "--data-db", db, "-o", "json");
            code.ShouldBe(0, error);
            using (var replay = JsonDocument.Parse(output))
            {
                replay.RootElement.GetProperty("status").GetString().ShouldBe("Complete");
                replay.RootElement.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
            }

            // The same selection with a 1 s transition clip between segments: the MP4 grows by one clip per join.
            var sting = Path.Combine(dir, "sting.mp4");
            await FFmpegRunner.Default.RunFFmpegAsync(["-v", "error", "-f", "lavfi", "-i", "color=c=red:s=640x360:r=25:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", sting]);
            (code, output, error) = await RunAsync(Common(
                "replays", "create", "--event", eventId, "--duration", "30", "--feature", "ExcitementLabeler.HighExcitement=10", "--feature", "Loudness.Loud=5",
                "--format", "mp4", "--resolution", "360p", "--id", replayId + "-sting", "--transition-clip", sting, "-o", "json"));
            code.ShouldBe(0, error);
            using (var created = JsonDocument.Parse(output))
            {
                var mp4 = created.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ShouldHaveSingleItem();
                (code, output, error) = await RunAsync("replays", "show", replayId + "-sting", "--data-db", db, "-o", "json");
                code.ShouldBe(0, error);
                var items = JsonDocument.Parse(output).RootElement.GetProperty("items").EnumerateArray()
                    .Select(i => i.GetProperty("endMs").GetInt64() - i.GetProperty("startMs").GetInt64()).ToList();
                items.Count.ShouldBeGreaterThan(1, $"a join to put the clip in; segments: {shown.GetProperty("segments")}");
                var info = await new MediaProber().ProbeAsync(mp4);
                info.Duration.TotalSeconds.ShouldBe((items.Sum() + ((items.Count - 1) * 1000)) / 1000.0, 0.1, $"{items.Count} segments and {items.Count - 1} clips");
            }

            var exports = Path.Combine(dir, "exports");
            (code, output, error) = await RunAsync(Common("export", "--event", eventId, "--format", "edl", "--out", exports, "-o", "json"));
            code.ShouldBe(0, error);
            using (var exported = JsonDocument.Parse(output))
            {
                var files = exported.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
                files.ShouldContain(f => f.EndsWith(".edl", StringComparison.Ordinal));
                files.ShouldContain(f => Path.GetFileName(f) == $"{replayId}.edl");
                files.ShouldAllBe(f => File.Exists(f) && f.StartsWith(exports, StringComparison.Ordinal));
            }

            (code, output, error) = await RunAsync(Common("export", "--event", eventId, "--format", "mp4", "--out", exports));
            code.ShouldBe(0, error);
            Directory.EnumerateFiles(Path.Combine(exports, replayId), "*.mp4").ShouldNotBeEmpty(output);

            (code, _, error) = await RunAsync(Common("export", "--event", eventId, "--format", "hls", "--out", exports));
            code.ShouldBe(1);
            error.Trim().ShouldStartWith($"error: event {eventId} has no rendered hls replay yet");
        }
        finally
        {
            await stop.CancelAsync();
            (await worker.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, workerErrText.ToString());
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReplayCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
