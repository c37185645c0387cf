using System.Diagnostics;
using System.Globalization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Bench;

/// <summary>
/// Segment state plus catch-up replay selection for a 3-hour event: 540 chunks of 20 s, 5 featurers with one data
/// point per second each, a level classifier that yields 300 segments, and three catch-up replays (duration, equal
/// distribution, clip features) updated after every segment. Prints CPU and wall time per run.
/// </summary>
internal sealed class SegmentPipelineBenchmark : IBenchmark
{
    private const long EventMs = 3 * 3600 * 1000;
    private const long ChunkMs = 20_000;
    private const long SegmentEveryMs = 36_000;
    private static readonly string[] Featurers = ["Loudness", "SceneChange", "Silence", "BlackFrames", "Freeze"];

    public string Name => "segments";

    public string Description => "segment state + catch-up replays for a 3-hour event (20 s chunks, 5 featurers, 300 segments)";

    public Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var runs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var chunks = BuildChunks();
        Console.WriteLine($"chunks {chunks.Count}, data points {chunks.Sum(c => c.Data.Sum(d => d.Points.Count))}");

        Run(chunks); // warm-up: JIT and tiering
        var cpu = new List<double>();
        var wall = new List<double>();
        Result last = default;
        for (var i = 0; i < runs && !cancellationToken.IsCancellationRequested; i++)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            last = Run(chunks);
            sw.Stop();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            wall.Add(sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"segments {last.Segments}, replay updates {last.Updates} ({last.Changed} changed the selection)");
        Console.WriteLine($"selected: duration {last.Selected[0]}, equal distribution {last.Selected[1]}, clip features {last.Selected[2]}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs {cpu.Count}: CPU ms median {Median(cpu):F1} (min {cpu.Min():F1}, max {cpu.Max():F1}); wall ms median {Median(wall):F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per chunk: {Median(cpu) * 1000 / chunks.Count:F0} us CPU; per replay update: {Median(cpu) * 1000 / Math.Max(1, last.Updates):F0} us CPU (upper bound, includes segment state)"));
        return Task.CompletedTask;
    }

    private static Result Run(List<(ChunkInfo Chunk, List<PluginData> Data)> chunks)
    {
        var policy = new SegmentPolicy("bench", "Level", 120_000);
        var selectors = new List<FeatureSelector>
        {
            new("Loudness", "Loud", Weight: 40), new("SceneChange", "SceneChange", Weight: 10),
            new("Silence", "Silence", Value: false, Weight: 5), new("BlackFrames", "Black", Weight: 1), new("Freeze", "Freeze", Weight: 3),
        };
        CatchUpReplay[] replays =
        [
            new(new ReplayRequest("duration", ReplayMode.Duration, selectors, DurationMs: 600_000, ToleranceMs: 30_000, CatchUp: true)),
            new(new ReplayRequest("equal", ReplayMode.Duration, selectors, DurationMs: 600_000, EqualDistribution: true, CatchUp: true)),
            new(new ReplayRequest("clips", ReplayMode.ClipFeatures, [selectors[0]], CatchUp: true)),
        ];

        var state = SegmentState.Initial;
        int segments = 0, updates = 0, changed = 0;
        void Offer(Segment s, IReadOnlyList<PluginData> data)
        {
            segments++;
            var candidate = new ReplayCandidate(s.Key, s.StartMs, s.EndMs, null, null, SegmentFeatures.Collect(s, data));
            foreach (var r in replays)
            {
                updates++;
                changed += r.Upsert(candidate).Changed ? 1 : 0;
            }
        }

        foreach (var (chunk, data) in chunks)
        {
            var input = SegmentStateMachine.PrepareInput(policy, state, chunk, data, PluginConfiguration.Empty);
            var step = SegmentStateMachine.Advance(policy, state, chunk, data, Classify(input));
            foreach (var s in step.Closed)
            {
                Offer(s, input.Dependencies);
            }

            state = step.State;
        }

        foreach (var s in SegmentStateMachine.Finish(policy, state, EventMs).Closed)
        {
            Offer(s, []);
        }

        return new Result(segments, updates, changed, replays.Select(r => r.Selection.Clips.Count).ToArray());
    }

    // A level classifier over the Loudness featurer: a segment while the level is high (carried across chunks).
    private static ClassifierResult Classify(ClassifierInput input)
    {
        var high = input.CarriedState == "high";
        var marks = new List<SegmentMark>();
        foreach (var p in PluginData.PointsOf(input.Dependencies, "Loudness"))
        {
            if (p.StartMs < input.Chunk.StartMs)
            {
                continue;
            }

            var nowHigh = p.HasFlag("Loud");
            if (nowHigh != high)
            {
                marks.Add(nowHigh ? SegmentMark.StartAt(p.StartMs) : SegmentMark.EndAt(p.StartMs));
                high = nowHigh;
            }
        }

        return new ClassifierResult(marks, high ? "high" : "low");
    }

    // Five featurers, one data point per second each; Loudness is loud for 18 s of every 36 s, which gives 300 segments.
    private static List<(ChunkInfo Chunk, List<PluginData> Data)> BuildChunks()
    {
        var chunks = new List<(ChunkInfo Chunk, List<PluginData> Data)>();
        for (var n = 0; n * ChunkMs < EventMs; n++)
        {
            var chunk = new ChunkInfo(n + 1, new TimeRange(n * ChunkMs, Math.Min(EventMs, (n + 1) * ChunkMs)));
            var data = new List<PluginData>();
            for (var f = 0; f < Featurers.Length; f++)
            {
                var points = new List<DataPoint>();
                for (var t = chunk.StartMs; t < chunk.EndMs; t += 1000)
                {
                    var flag = f switch
                    {
                        0 => t % SegmentEveryMs is >= 9_000 and < 27_000,
                        1 => t % 7_000 == 0,
                        2 => t % 36_000 < 2_000,
                        3 => t % 600_000 == 0,
                        _ => t % 90_000 < 3_000,
                    };
                    points.Add(DataPoint.At(t, new Dictionary<string, bool> { [Attribute(f)] = flag }));
                }

                data.Add(new PluginData(Featurers[f], f is 0 or 2 ? 1 : null, points));
            }

            chunks.Add((chunk, data));
        }

        return chunks;
    }

    private static string Attribute(int featurer) => featurer switch
    {
        0 => "Loud",
        1 => "SceneChange",
        2 => "Silence",
        3 => "Black",
        _ => "Freeze",
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private readonly record struct Result(int Segments, int Updates, int Changed, int[] Selected);
}
