using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Plugins.Tests.Support;

/// <summary>Hand-built chunk analyses and plugin inputs.</summary>
internal static class Chunks
{
    public static ChunkAnalysis Video(long startMs, long endMs, IReadOnlyList<SceneChange>? scenes = null,
        IReadOnlyList<TimeRange>? black = null, IReadOnlyList<TimeRange>? freeze = null) =>
        new(1, new TimeRange(startMs, endMs), new VideoAnalysis(scenes ?? [], black ?? [], freeze ?? []), []);

    public static ChunkAnalysis Audio(long startMs, long endMs, params AudioAnalysis[] tracks) =>
        new(1, new TimeRange(startMs, endMs), null, tracks);

    /// <summary>Loudness samples every 100 ms over [startMs, endMs) at one level.</summary>
    public static IEnumerable<LoudnessSample> Level(long startMs, long endMs, double lufs)
    {
        for (var t = startMs; t < endMs; t += 100)
        {
            yield return new LoudnessSample(t, lufs);
        }
    }

    public static FeaturerInput Input(ChunkAnalysis chunk, int? track = null, params (string Key, string Value)[] config) =>
        new(chunk, Config(config), track, [], null);

    public static PluginConfiguration Config(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    public static TimeRange R(long start, long end) => new(start, end);
}
