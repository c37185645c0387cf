using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>Ranges of silence on the plugin's audio track, at least <c>minDurationMs</c> long.</summary>
public sealed class SilenceFeaturer : IFeaturer
{
    public const string Flag = "Silence";

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.Silence);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var min = Settings.Integer(Descriptor, input.Configuration, "minDurationMs");
        return new FeaturerResult(RangeDetections.Flag(RangeDetections.Track(input)?.SilenceRanges ?? [], input.Chunk.Span, min, Flag));
    }
}
