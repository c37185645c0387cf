using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Optimization;

/// <summary>
/// What an optimizer sees: a closed segment, its configuration, each detector's data around it (from
/// <see cref="CutPointSearch.DataWindow"/>) and the limits the new bounds must stay within (the neighbouring
/// segments and the media).
/// </summary>
public sealed record OptimizerInput(Segment Segment, PluginConfiguration Configuration, IReadOnlyList<DetectorData> Detectors, TimeRange Limits);
