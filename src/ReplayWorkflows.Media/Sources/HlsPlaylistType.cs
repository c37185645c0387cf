namespace ReplayWorkflows.Media.Sources;

/// <summary><c>#EXT-X-PLAYLIST-TYPE</c>: VOD never changes, EVENT only grows; absent means a live (possibly sliding) window.</summary>
public enum HlsPlaylistType
{
    Live,
    Event,
    Vod,
}
