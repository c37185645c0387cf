using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Labeling;

/// <summary>
/// Builds a labeler's input: the closed segment and, for each dependency, the data points inside it (a point at
/// [Start, End), a range overlapping it). Open segments are never labelled, so a label always sees the final bounds
/// (MRE labels open rows and relabels them on completion).
/// </summary>
public static class SegmentLabeling
{
    public static LabelerInput InputFor(Segment segment, PluginConfiguration configuration, IEnumerable<PluginData> dependencies)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(dependencies);
        var inside = dependencies
            .Select(d => d with { Points = d.Points.Where(p => p.Touches(segment.StartMs, segment.EndMs)).ToList() })
            .ToList();
        return new LabelerInput(segment, configuration, inside);
    }
}
