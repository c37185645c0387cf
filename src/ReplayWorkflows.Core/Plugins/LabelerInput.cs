using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>A closed segment and the data of the labeler's dependencies that lies inside it.</summary>
public sealed record LabelerInput(Segment Segment, PluginConfiguration Configuration, IReadOnlyList<PluginData> Dependencies);
