namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>A finished FFmpeg/FFprobe run: its stdout (when captured) and the bounded tail of its stderr.</summary>
public sealed record FFmpegResult(int ExitCode, string StdOut, IReadOnlyList<string> StderrTail, TimeSpan Elapsed);
