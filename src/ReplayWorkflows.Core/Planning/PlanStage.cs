using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Planning;

/// <summary>
/// One plugin's place in the per-chunk stage graph. <paramref name="Level"/> 0 stages start at once; a stage of level
/// n waits for <paramref name="WaitsFor"/> (all of lower levels) in the same chunk. <paramref name="PerAudioTrack"/>
/// stages run once per audio track.
/// </summary>
public sealed record PlanStage(
    string Plugin,
    int Version,
    PluginClass Class,
    int Level,
    IReadOnlyList<string> WaitsFor,
    CrossChunkOrder Order,
    bool PerAudioTrack,
    PluginExecution Execution);
