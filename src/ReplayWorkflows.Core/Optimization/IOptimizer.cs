using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>An optimizer: (segment, detector data, configuration) to adjusted in and out points.</summary>
public interface IOptimizer : IPlugin
{
    OptimizedSegment Optimize(OptimizerInput input);
}
