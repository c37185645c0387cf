using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Plugins.Featurers;

namespace ReplayWorkflows.Plugins.Tests.Support;

/// <summary>Plugin outputs as the featurers would produce them.</summary>
internal static class Data
{
    public static PluginData Cuts(params long[] times) =>
        new(BuiltInPlugins.SceneChange, null, times.Select(t => DataPoint.At(t, new Dictionary<string, bool> { [SceneChangeFeaturer.Flag] = true })).ToList());

    /// <summary>Loudness windows of <paramref name="windowMs"/> from <paramref name="startMs"/>, one level each.</summary>
    public static PluginData Loudness(long startMs, long windowMs, params double[] levels) =>
        new(BuiltInPlugins.Loudness, 1, levels.Select((l, i) => DataPoint.Range(startMs + (i * windowMs), startMs + ((i + 1) * windowMs),
            new Dictionary<string, bool> { [LoudnessFeaturer.Flag] = l >= -18 },
            new Dictionary<string, double> { [LoudnessFeaturer.MeanLufs] = l })).ToList());
}
