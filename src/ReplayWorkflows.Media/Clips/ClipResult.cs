using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Clips;

/// <summary>
/// A written clip: the event time it really covers (a fast clip starts at the key frame before the in point), its
/// files, and whether the accurate path could copy after re-encoding only the head GOP.
/// </summary>
public sealed record ClipResult(TimeRange Covered, string? Mp4Path, string? HlsPlaylistPath, string? ThumbnailPath, bool HeadOnlyReencode);
