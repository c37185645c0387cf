namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>An FFmpeg or FFprobe run that failed, with FFmpeg's own reason (the last lines of its stderr).</summary>
public sealed class FFmpegException : Exception
{
    public FFmpegException()
    {
    }

    public FFmpegException(string message)
        : base(message)
    {
    }

    public FFmpegException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FFmpegException(FFmpegErrorKind kind, string message, string reason = "", int exitCode = 0)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
        ExitCode = exitCode;
    }

    public FFmpegErrorKind Kind { get; } = FFmpegErrorKind.Failed;

    /// <summary>The most telling stderr line(s) of the failed run.</summary>
    public string Reason { get; } = string.Empty;

    public int ExitCode { get; }
}
