using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>The classifier's segment starts and ends for one chunk, and the state it wants back with the next chunk.</summary>
public sealed record ClassifierResult(IReadOnlyList<SegmentMark> Marks, string? CarriedState = null);
