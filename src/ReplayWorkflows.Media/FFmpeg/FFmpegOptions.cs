namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>Where FFmpeg lives and how its processes are run. Bound from configuration (<c>REPLAY__FFMPEG__...</c>).</summary>
public sealed class FFmpegOptions
{
    /// <summary>Path to the ffmpeg executable; null looks it up on PATH.</summary>
    public string? FFmpegPath { get; set; }

    /// <summary>Path to the ffprobe executable; null looks next to ffmpeg, then on PATH.</summary>
    public string? FFprobePath { get; set; }

    /// <summary>How many of the last stderr lines are kept for error messages.</summary>
    public int StderrTailLines { get; set; } = 30;

    /// <summary>Threads per ffmpeg process (0 lets ffmpeg decide). Useful on small machines shared by workers.</summary>
    public int Threads { get; set; }
}
