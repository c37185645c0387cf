using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>One detector's data points near a segment, with the bias from the detector's configuration.</summary>
public sealed record DetectorData(string Detector, CutBias Bias, IReadOnlyList<DataPoint> Points)
{
    /// <summary>Reads the <c>bias</c> configuration value (<c>safe</c> or <c>unsafe</c>); safe when absent.</summary>
    public static CutBias BiasOf(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Values.TryGetValue(BuiltInPlugins.BiasParameter, out var bias) && bias == "unsafe" ? CutBias.Unsafe : CutBias.Safe;
    }
}
