using ReplayWorkflows.Core.Analysis;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// What a featurer sees for one chunk: the media measurements, its configuration, the track it runs for (audio
/// plugins), the outputs of the featurers it depends on for the same chunk, and its own state from the previous
/// chunk (only for plugins that declare <see cref="PluginDescriptor.CarriesState"/>).
/// </summary>
public sealed record FeaturerInput(
    ChunkAnalysis Chunk,
    PluginConfiguration Configuration,
    int? AudioTrack,
    IReadOnlyList<PluginData> Dependencies,
    string? CarriedState);
