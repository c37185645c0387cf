namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>Why an FFmpeg run failed, classified from its exit code and stderr so callers can react (retry, skip, alert).</summary>
public enum FFmpegErrorKind
{
    /// <summary>FFmpeg is missing or too old.</summary>
    NotInstalled,

    /// <summary>The input file or URL does not exist.</summary>
    MissingInput,

    /// <summary>A codec, format or filter is not supported by this FFmpeg build.</summary>
    UnsupportedCodec,

    /// <summary>The input is truncated, garbage or fails to decode.</summary>
    CorruptData,

    /// <summary>No space left on the output device.</summary>
    DiskFull,

    /// <summary>Any other failure; the stderr tail says more.</summary>
    Failed,
}
