using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Featurers;

/// <summary>Ranges of black picture at least <c>minDurationMs</c> long.</summary>
public sealed class BlackFramesFeaturer : IFeaturer
{
    public const string Flag = "Black";

    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.BlackFrames);

    public FeaturerResult Analyse(FeaturerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var min = Settings.Integer(Descriptor, input.Configuration, "minDurationMs");
        return new FeaturerResult(RangeDetections.Flag(input.Chunk.Video?.BlackRanges ?? [], input.Chunk.Span, min, Flag));
    }
}
