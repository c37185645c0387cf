using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Optimizers;

/// <summary>Moves in and out points onto nearby safe detections or out of unsafe ones, using Core's cut-point search.</summary>
public sealed class CutPointOptimizer : IOptimizer
{
    public PluginDescriptor Descriptor { get; } = Descriptors.Get(BuiltInPlugins.CutPointOptimizer);

    public OptimizedSegment Optimize(OptimizerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var window = Settings.Integer(Descriptor, input.Configuration, BuiltInPlugins.SearchWindowParameter);
        return CutPointSearch.Optimize(input.Segment, input.Detectors, window, input.Limits);
    }
}
