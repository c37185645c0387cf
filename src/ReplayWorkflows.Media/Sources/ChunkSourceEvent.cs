namespace ReplayWorkflows.Media.Sources;

/// <summary>What a chunk source reports, in order. A chunk number is never reported twice by one source.</summary>
public abstract record ChunkSourceEvent;

/// <summary>
/// A new chunk: its number (HLS media sequence number or the <c>_N</c> of its name), where to read it (a local path
/// or URL), its duration when known, whether a discontinuity precedes it, and its program date-time when known.
/// </summary>
public sealed record ChunkFound(long Number, string Location, TimeSpan? Duration = null, bool Discontinuity = false, DateTimeOffset? ProgramDateTime = null)
    : ChunkSourceEvent;

/// <summary>Chunks <see cref="FirstMissing"/>..<see cref="LastMissing"/> (inclusive) will never be seen: they were skipped or slid out of the window.</summary>
public sealed record ChunkGap(long FirstMissing, long LastMissing) : ChunkSourceEvent;

/// <summary>Something the source could not read (a playlist line, a download); the source carries on.</summary>
public sealed record SourceProblem(string Message, int? LineNumber = null) : ChunkSourceEvent;

/// <summary>The source has no more chunks (an HLS playlist with #EXT-X-ENDLIST, or an end marker).</summary>
public sealed record SourceEnded : ChunkSourceEvent;
