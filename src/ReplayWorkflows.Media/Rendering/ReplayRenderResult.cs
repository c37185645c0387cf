namespace ReplayWorkflows.Media.Rendering;

/// <summary>A rendered replay: its planned length, and per resolution name its MP4 and HLS playlist (when requested).</summary>
public sealed record ReplayRenderResult(
    TimeSpan PlannedDuration,
    IReadOnlyDictionary<string, string> Mp4ByResolution,
    IReadOnlyDictionary<string, string> HlsByResolution,
    string? MasterPlaylist)
{
    /// <summary>Renditions whose picture was copied from the source between transitions, only the joins encoded.</summary>
    public IReadOnlyList<string> CopiedResolutions { get; init; } = [];
}
