namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>
/// A file's streams with the times (file time, sorted) of all its video key frames and how far its video decode
/// timestamps run behind presentation ones (the B-frame delay).
/// </summary>
internal sealed record MediaIndex(MediaInfo Info, IReadOnlyList<TimeSpan> KeyFrames, TimeSpan ReorderDelay);
