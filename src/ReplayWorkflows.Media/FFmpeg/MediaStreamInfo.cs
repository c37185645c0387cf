namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>One stream of a probed file. Video fields are null for audio and the other way round.</summary>
public sealed record MediaStreamInfo(
    int Index,
    string CodecType,
    string CodecName,
    int? Width,
    int? Height,
    Rational? FrameRate,
    int? SampleRate,
    int? Channels,
    TimeSpan? StartTime,
    TimeSpan? Duration,
    string? Language)
{
    /// <summary>A video stream's pixel format as FFmpeg names it (yuv420p, yuv422p10le...).</summary>
    public string? PixelFormat { get; init; }

    public bool IsVideo => CodecType == "video";

    public bool IsAudio => CodecType == "audio";
}
