namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>What ffprobe says about a file: container, streams, timing, and the first key frame's timestamp.</summary>
public sealed record MediaInfo(
    string Path,
    string FormatName,
    TimeSpan Duration,
    TimeSpan StartTime,
    IReadOnlyList<MediaStreamInfo> Streams,
    TimeSpan? FirstKeyFramePts)
{
    /// <summary>The first video stream, if any.</summary>
    public MediaStreamInfo? Video => Streams.FirstOrDefault(s => s.IsVideo);

    /// <summary>Audio streams in file order; audio track N (1-based) is element N-1.</summary>
    public IReadOnlyList<MediaStreamInfo> AudioTracks => [.. Streams.Where(s => s.IsAudio)];

    /// <summary>
    /// The chunk's own time origin: the first video frame's timestamp (the first key frame when known), else the
    /// container start. Event-time offsets are measured from here.
    /// </summary>
    public TimeSpan Origin => FirstKeyFramePts ?? Video?.StartTime ?? StartTime;
}
