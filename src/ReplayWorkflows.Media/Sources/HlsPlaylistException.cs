namespace ReplayWorkflows.Media.Sources;

/// <summary>A playlist that cannot be used at all (not HLS, or a master playlist where a media playlist was expected).</summary>
public sealed class HlsPlaylistException : Exception
{
    public HlsPlaylistException()
    {
    }

    public HlsPlaylistException(string message)
        : base(message)
    {
    }

    public HlsPlaylistException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HlsPlaylistException(string message, int lineNumber)
        : base($"line {lineNumber}: {message}")
    {
        LineNumber = lineNumber;
    }

    public int LineNumber { get; }
}
