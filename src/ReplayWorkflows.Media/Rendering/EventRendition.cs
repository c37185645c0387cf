using ReplayWorkflows.Media.Clips;

namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// The event's own HLS rendition: a playlist over the chunks received so far (EVENT while live, VOD once over).
/// Chunks are referenced where they are, relative to the playlist; a missing chunk number marks a discontinuity.
/// </summary>
public static class EventRendition
{
    /// <summary>
    /// Writes the playlist. While live it is an EVENT playlist (append only); <paramref name="ended"/> adds ENDLIST.
    /// <paramref name="vod"/> writes a VOD playlist instead, for an event rendered after it ended.
    /// </summary>
    public static async Task<string> WriteAsync(IReadOnlyList<MediaChunk> chunks, string playlistPath, bool ended, bool vod = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var ordered = chunks.OrderBy(c => c.Number).ToList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(playlistPath)) ?? ".";
        var entries = ordered.Select((c, i) => new HlsPlaylistWriter.Entry(
            Path.GetRelativePath(folder, c.Path).Replace('\\', '/'),
            TimeSpan.FromMilliseconds(c.Span.DurationMs),
            Discontinuity: i > 0 && c.Number != ordered[i - 1].Number + 1)).ToList();
        var text = HlsPlaylistWriter.MediaPlaylist(entries, ordered.Count > 0 ? ordered[0].Number : 0, vod, ended);
        await HlsPlaylistWriter.WriteAtomicallyAsync(playlistPath, text, cancellationToken).ConfigureAwait(false);
        return playlistPath;
    }
}
