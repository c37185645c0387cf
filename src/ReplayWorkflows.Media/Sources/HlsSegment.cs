namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// One segment of a media playlist: its media sequence number, URI (as written, resolve against the playlist),
/// duration (null when its <c>#EXTINF</c> line was unreadable), whether a discontinuity precedes it, and its
/// program date-time when the playlist gives one.
/// </summary>
public sealed record HlsSegment(
    long SequenceNumber,
    string Uri,
    TimeSpan? Duration,
    bool Discontinuity,
    DateTimeOffset? ProgramDateTime,
    int LineNumber);
