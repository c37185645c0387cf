namespace ReplayWorkflows.Media.Sources;

/// <summary>How an HLS playlist is watched.</summary>
public sealed class HlsSourceOptions
{
    /// <summary>The media playlist: a local file path or an http(s) URL.</summary>
    public string Playlist { get; set; } = string.Empty;

    /// <summary>Reload interval; null uses half the target duration (RFC 8216 §6.3.4 after an unchanged reload).</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Stop (with <see cref="SourceEnded"/>) once the playlist carries #EXT-X-ENDLIST.</summary>
    public bool StopAtEndList { get; set; } = true;
}
