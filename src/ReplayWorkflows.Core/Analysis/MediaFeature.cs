namespace ReplayWorkflows.Core.Analysis;

/// <summary>
/// A media feature a plugin may request. The media layer computes every feature a profile requests in one decode
/// per media type and hands the parsed results to the plugins (see <see cref="ChunkAnalysis"/>).
/// </summary>
public enum MediaFeature
{
    /// <summary>Scene-change score per analysed frame (video).</summary>
    SceneChange,

    /// <summary>Ranges of black frames (video).</summary>
    BlackFrames,

    /// <summary>Ranges of frozen frames (video).</summary>
    FreezeFrames,

    /// <summary>Ranges of silence (audio, per track).</summary>
    Silence,

    /// <summary>Momentary loudness (EBU R128, 400 ms window) samples (audio, per track).</summary>
    Loudness,
}
