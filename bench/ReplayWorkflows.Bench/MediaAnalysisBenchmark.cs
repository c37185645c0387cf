using System.Diagnostics;
using System.Globalization;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Analysis;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Media.Rendering;

namespace ReplayWorkflows.Bench;

/// <summary>
/// Media layer figures on a generated 10-minute 720p25 match: analysis of all features against a plain decode of the
/// same file (target at most 1.2x), per-chunk analysis overhead, fast and accurate clips, and a replay render.
/// Arguments: [minutes (default 10)] [repetitions (default 2; the best run counts, this box is shared)] [analysis (skip clips and replays)].
/// </summary>
internal sealed class MediaAnalysisBenchmark : IBenchmark
{
    public string Name => "media";

    public string Description => "analysis (all features) vs plain decode, clip fast vs accurate, replay render, on a generated 720p match";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var minutes = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var repetitions = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var runner = FFmpegRunner.Default;
        Console.WriteLine($"ffmpeg major version {await runner.EnsureAvailableAsync(cancellationToken)}");

        var cache = Path.Combine(BenchPaths.RepoRoot, ".cache", "media");
        Directory.CreateDirectory(cache);
        var spec = new MatchSpec(Seed: 42, DurationSeconds: minutes * 60, Variant: MatchVariant.Hd720p25, ChunkSeconds: 10);
        var clock = Stopwatch.StartNew();
        var match = await new MatchGenerator(runner).EnsureAsync(spec, cache, cancellationToken);
        Console.WriteLine($"match: {match.Mp4Path} ({minutes} min, {match.ChunkPaths.Count} chunks), ready in {clock.Elapsed.TotalSeconds:0.0} s (cached after the first run)");

        var media = match.Truth.DurationMs / 1000.0;
        HashSet<MediaFeature> all = [.. Enum.GetValues<MediaFeature>()];
        ChunkAnalysis? result = null;
        var analyzer = new MediaAnalyzer(runner);
        var scaled = new MediaAnalyzer(runner, new AnalysisOptions { AnalysisWidth = 320 });

        // The box is shared, so load swings between runs: the variants run interleaved, round after round, and
        // each keeps its best time, so every ratio compares runs made under similar load.
        (string Name, Func<Task> Run)[] variants =
        [
            ("plain decode (ffmpeg -i X -f null -)", () => runner.RunFFmpegAsync(["-v", "error", "-i", match.Mp4Path, "-f", "null", "-"], cancellationToken: cancellationToken)),
            ("analysis, all 5 features, one decode", async () => result = await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(match.Mp4Path, 0, 0, all), cancellationToken)),
            ("analysis, detectors on a 320 px downscale", () => scaled.AnalyzeAsync(new ChunkAnalysisRequest(match.Mp4Path, 0, 0, all), cancellationToken)),
            ("analysis at a 5 fps processing rate", () => analyzer.AnalyzeAsync(new ChunkAnalysisRequest(match.Mp4Path, 0, 0, all, new Rational(5, 1)), cancellationToken)),
        ];
        var best = variants.Select(_ => TimeSpan.MaxValue).ToArray();
        for (var round = 0; round < Math.Max(1, repetitions); round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var t = await BestAsync(1, variants[v].Run);
                best[v] = t < best[v] ? t : best[v];
            }
        }

        var decode = best[0];
        for (var v = 0; v < variants.Length; v++)
        {
            Row(variants[v].Name, best[v], media);
            if (v > 0)
            {
                Console.WriteLine($"  ratio to plain decode: {best[v].TotalSeconds / decode.TotalSeconds:0.00}x{(v == 1 ? " (target <= 1.2x)" : string.Empty)}");
            }
        }

        var chunkMs = spec.ChunkSeconds * 1000L;
        var perChunk = Stopwatch.StartNew();
        var chunkResults = new List<ChunkAnalysis>();
        for (var i = 0; i < match.ChunkPaths.Count; i++)
        {
            chunkResults.Add(await analyzer.AnalyzeAsync(new ChunkAnalysisRequest(match.ChunkPaths[i], i + 1, i * chunkMs, all), cancellationToken));
        }

        Row($"analysis per chunk ({match.ChunkPaths.Count} x {spec.ChunkSeconds} s, incl. probe)", perChunk.Elapsed, media);
        Console.WriteLine($"  ratio per-chunk analysis / decode: {perChunk.Elapsed.TotalSeconds / decode.TotalSeconds:0.00}x");

        var truth = match.Truth;
        Console.WriteLine($"quality (whole file): cuts {Points(truth.Cuts, [.. result!.Video!.SceneChanges.Select(s => s.TimeMs)], 40)}");
        Console.WriteLine($"                      black {Ranges(truth.Blacks, result.Video.BlackRanges, 100)}");
        Console.WriteLine($"                      silence {Ranges(truth.Silences, result.Audio[0].SilenceRanges, 100)}");
        var reachable = truth.Cuts.Where(c => c % chunkMs != 0).ToList();
        Console.WriteLine($"quality (per chunk):  cuts {Points(reachable, [.. chunkResults.SelectMany(r => r.Video!.SceneChanges).Select(s => s.TimeMs)], 40)}");
        Console.WriteLine($"                      black {Ranges(truth.Blacks, Merge(chunkResults.SelectMany(r => r.Video!.BlackRanges)), 100)}");
        Console.WriteLine($"                      silence {Ranges(truth.Silences, Merge(chunkResults.SelectMany(r => r.Audio[0].SilenceRanges)), 100)}");

        if (args.Contains("analysis"))
        {
            return;
        }

        var chunks = match.ChunkPaths.Select((p, i) => new MediaChunk(i + 1, p, new TimeRange(i * chunkMs, (i + 1) * chunkMs))).ToList();
        var output = Directory.CreateTempSubdirectory("rw-bench-").FullName;
        try
        {
            var clipRange = new TimeRange(95_300, 125_300);
            var clips = new ClipMaker(runner);
            var fast = await BestAsync(repetitions, () => clips.CreateAsync(new ClipRequest(chunks, clipRange, ClipMode.Fast, output, "fast", Thumbnail: false), cancellationToken));
            Row("clip 30 s, fast (copy from key frame)", fast, 30);
            var accurate = await BestAsync(repetitions, () => clips.CreateAsync(new ClipRequest(chunks, clipRange, ClipMode.Accurate, output, "accurate", Thumbnail: false), cancellationToken));
            Row("clip 30 s, accurate (head GOP re-encoded)", accurate, 30);
            var fastHls = await BestAsync(1, () => clips.CreateAsync(new ClipRequest(chunks, clipRange, ClipMode.Fast, output, "fasthls", Mp4: true, Hls: true, Thumbnail: true), cancellationToken));
            Row("clip 30 s, fast, MP4 + HLS + thumbnail", fastHls, 30);

            TimeRange[] segments = [new(30_120, 38_120), new(150_040, 158_040), new(260_280, 268_280), new(410_000, 418_000), new(500_520, 508_520)];
            var renderer = new FFmpegReplayRenderer(runner);
            var replaySeconds = (segments.Sum(s => s.DurationMs) - (4 * 1000)) / 1000.0;
            var render = await BestAsync(1, () => renderer.RenderAsync(
                new ReplayRenderRequest(chunks, segments, [RenderResolution.P720], output, "replay", Mp4: true, Hls: true, TransitionMs: 1000), cancellationToken));
            Row("replay 5 x 8 s, 1 s fades, 720p MP4 + HLS", render, replaySeconds);
            var ladder = await BestAsync(1, () => renderer.RenderAsync(
                new ReplayRenderRequest(chunks, segments, [RenderResolution.P720, RenderResolution.P480, RenderResolution.P360], output, "ladder", Mp4: true, Hls: true, TransitionMs: 1000), cancellationToken));
            Row("replay 5 x 8 s, 1 s fades, 720p+480p+360p", ladder, replaySeconds);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<TimeSpan> BestAsync(int repetitions, Func<Task> run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < Math.Max(1, repetitions); i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }

    private static void Row(string what, TimeSpan elapsed, double mediaSeconds) =>
        Console.WriteLine($"{what,-56} {elapsed.TotalSeconds,8:0.00} s  {mediaSeconds / elapsed.TotalSeconds,7:0.0}x realtime");

    private static string Points(IReadOnlyList<long> truth, IReadOnlyList<long> found, long tolerance)
    {
        var open = truth.ToList();
        var tp = 0;
        foreach (var f in found)
        {
            var hit = open.FindIndex(t => Math.Abs(t - f) <= tolerance);
            if (hit >= 0)
            {
                open.RemoveAt(hit);
                tp++;
            }
        }

        return Describe(tp, found.Count - tp, open.Count);
    }

    private static string Ranges(IReadOnlyList<TimeRange> truth, IReadOnlyList<TimeRange> found, long tolerance)
    {
        var open = truth.ToList();
        var tp = 0;
        foreach (var f in found)
        {
            var hit = open.FindIndex(t => Math.Abs(t.StartMs - f.StartMs) <= tolerance && Math.Abs(t.EndMs - f.EndMs) <= tolerance);
            if (hit >= 0)
            {
                open.RemoveAt(hit);
                tp++;
            }
        }

        return Describe(tp, found.Count - tp, open.Count);
    }

    private static List<TimeRange> Merge(IEnumerable<TimeRange> ranges)
    {
        var merged = new List<TimeRange>();
        foreach (var r in ranges.OrderBy(r => r.StartMs))
        {
            if (merged.Count > 0 && r.StartMs <= merged[^1].EndMs)
            {
                merged[^1] = new TimeRange(merged[^1].StartMs, Math.Max(merged[^1].EndMs, r.EndMs));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static string Describe(int tp, int fp, int fn) =>
        string.Create(CultureInfo.InvariantCulture, $"precision {(tp + fp == 0 ? 1 : (double)tp / (tp + fp)):P1} recall {(tp + fn == 0 ? 1 : (double)tp / (tp + fn)):P1} (tp {tp}, fp {fp}, fn {fn})");
}
