using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>
/// Analyse one chunk: its file (or URL), its number, the event time of its first video frame, the features the profile
/// needs, and optionally the processing frame rate (null analyses every frame).
/// </summary>
public sealed record ChunkAnalysisRequest(
    string Path,
    int ChunkNumber,
    long StartMs,
    IReadOnlySet<MediaFeature> Features,
    Rational? ProcessingFrameRate = null);
