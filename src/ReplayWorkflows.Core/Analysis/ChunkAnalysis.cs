using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Analysis;

/// <summary>A detected scene change: the event time of the first frame of the new shot and its score (0..1).</summary>
public sealed record SceneChange(long TimeMs, double Score);

/// <summary>One momentary-loudness measurement (LUFS) at an event time.</summary>
public sealed record LoudnessSample(long TimeMs, double MomentaryLufs);

/// <summary>Video features of one chunk. Every time is event time in milliseconds; ranges are clipped to the chunk.</summary>
public sealed record VideoAnalysis(
    IReadOnlyList<SceneChange> SceneChanges,
    IReadOnlyList<TimeRange> BlackRanges,
    IReadOnlyList<TimeRange> FreezeRanges);

/// <summary>Audio features of one audio track of one chunk (track numbers start at 1).</summary>
public sealed record AudioAnalysis(
    int Track,
    IReadOnlyList<TimeRange> SilenceRanges,
    IReadOnlyList<LoudnessSample> Loudness);

/// <summary>
/// Everything the media layer measured for one chunk in its single decode per media type. Features that no plugin of
/// the profile requested are empty lists; <see cref="Video"/> is null when no video feature was requested.
/// </summary>
public sealed record ChunkAnalysis(
    int ChunkNumber,
    TimeRange Span,
    VideoAnalysis? Video,
    IReadOnlyList<AudioAnalysis> Audio);
