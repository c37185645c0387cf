namespace ReplayWorkflows.Media.Sources;

/// <summary>A parsed HLS media playlist (RFC 8216 §4.3.3), with the lines it could not read.</summary>
public sealed record HlsMediaPlaylist(
    int? Version,
    int TargetDurationSeconds,
    long MediaSequence,
    long DiscontinuitySequence,
    HlsPlaylistType Type,
    bool EndList,
    bool IndependentSegments,
    IReadOnlyList<HlsSegment> Segments,
    IReadOnlyList<HlsParseProblem> Problems);
