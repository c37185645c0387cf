using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// What a replay asks for. Duration mode never exceeds <see cref="DurationMs"/> + <see cref="ToleranceMs"/>; liked
/// segments are forced in when <see cref="IncludeLiked"/> (still within that cap) and disliked ones dropped when
/// <see cref="IgnoreDisliked"/>. A catch-up replay is recomputed as segments arrive.
/// </summary>
public sealed record ReplayRequest(
    string Id,
    ReplayMode Mode,
    IReadOnlyList<FeatureSelector> Features,
    int AudioTrack = 1,
    long DurationMs = 0,
    long ToleranceMs = 30_000,
    bool EqualDistribution = false,
    IReadOnlyList<TimeRange>? Timestamps = null,
    bool IncludeLiked = false,
    bool IgnoreDisliked = false,
    bool DisregardZeroWeight = false,
    bool CatchUp = false)
{
    /// <summary>The hard limit of the total duration in duration mode.</summary>
    public long CapMs => DurationMs + ToleranceMs;
}
