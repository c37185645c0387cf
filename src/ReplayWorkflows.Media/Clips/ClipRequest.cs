using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Clips;

/// <summary>A clip of event time <see cref="Range"/> cut from <see cref="Chunks"/>, written as <c>Name.mp4</c> and/or <c>Name/Name.m3u8</c>.</summary>
public sealed record ClipRequest(
    IReadOnlyList<MediaChunk> Chunks,
    TimeRange Range,
    ClipMode Mode,
    string OutputDirectory,
    string Name,
    bool Mp4 = true,
    bool Hls = false,
    bool Thumbnail = true,
    int HlsSegmentSeconds = 6);
