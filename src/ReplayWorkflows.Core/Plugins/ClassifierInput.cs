using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// What a classifier sees for one chunk: the chunk, its configuration, the segment context carried from earlier
/// chunks, its dependencies' data from <see cref="SegmentContext.LookBackFromMs"/> to the end of this chunk, and its
/// own carried state.
/// </summary>
public sealed record ClassifierInput(
    ChunkInfo Chunk,
    PluginConfiguration Configuration,
    SegmentContext Context,
    IReadOnlyList<PluginData> Dependencies,
    string? CarriedState);
