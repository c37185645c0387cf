using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>Marks the first frame of every new shot whose scene-change score reaches the threshold.</summary>
public sealed class SceneChangeFeaturer : IFeaturer
{
    public const string Flag = "SceneChange";

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.SceneChange);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var threshold = Settings.Number(Descriptor, input.Configuration, "threshold");
        var flags = new Dictionary<string, bool> { [Flag] = true };
        var points = (input.Chunk.Video?.SceneChanges ?? [])
            .Where(s => s.Score >= threshold && input.Chunk.Span.Contains(s.TimeMs))
            .OrderBy(s => s.TimeMs)
            .Select(s => DataPoint.At(s.TimeMs, flags))
            .ToList();
        return new FeaturerResult(points);
    }
}
