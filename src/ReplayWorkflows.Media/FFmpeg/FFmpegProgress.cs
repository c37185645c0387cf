namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>One progress report from <c>-progress pipe:1</c>: output time reached, frames written, speed, finished.</summary>
public sealed record FFmpegProgress(TimeSpan OutTime, long Frame, double? Speed, bool Done);
