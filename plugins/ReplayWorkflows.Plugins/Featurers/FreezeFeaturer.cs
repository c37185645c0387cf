using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>Ranges of frozen picture at least <c>minDurationMs</c> long.</summary>
public sealed class FreezeFeaturer : IFeaturer
{
    public const string Flag = "Freeze";

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.Freeze);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var min = Settings.Integer(Descriptor, input.Configuration, "minDurationMs");
        return new FeaturerResult(RangeDetections.Flag(input.Chunk.Video?.FreezeRanges ?? [], input.Chunk.Span, min, Flag));
    }
}
