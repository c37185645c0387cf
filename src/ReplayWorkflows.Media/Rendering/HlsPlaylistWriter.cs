using System.Globalization;
using System.Text;

namespace ReplayWorkflows.Media.Rendering;

/// <summary>Writes HLS playlists that follow RFC 8216's MUSTs (target duration, version, discontinuities).</summary>
public static class HlsPlaylistWriter
{
    /// <summary>One entry of a media playlist: URI, duration, and whether it does not continue the previous segment.</summary>
    public sealed record Entry(string Uri, TimeSpan Duration, bool Discontinuity = false);

    /// <summary>
    /// A media playlist. <paramref name="ended"/> adds #EXT-X-ENDLIST; EVENT playlists only ever grow, VOD ones are
    /// final (and always ended).
    /// </summary>
    public static string MediaPlaylist(IReadOnlyList<Entry> entries, long mediaSequence, bool vod, bool ended)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Every EXTINF rounded to the nearest integer must be <= the target duration (RFC 8216 §4.3.3.1).
        var target = entries.Count == 0 ? 1 : Math.Max(1, entries.Max(e => (int)Math.Round(e.Duration.TotalSeconds, MidpointRounding.AwayFromZero)));
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{target}\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA-SEQUENCE:{mediaSequence}\n");
        text.Append(vod ? "#EXT-X-PLAYLIST-TYPE:VOD\n" : "#EXT-X-PLAYLIST-TYPE:EVENT\n");
        text.Append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Discontinuity && i > 0)
            {
                text.Append("#EXT-X-DISCONTINUITY\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{e.Duration.TotalSeconds:0.000000},\n{e.Uri}\n");
        }

        if (ended || vod)
        {
            text.Append("#EXT-X-ENDLIST\n");
        }

        return text.ToString();
    }

    /// <summary>A master playlist with one variant per rendition (<c>folder/name.m3u8</c>).</summary>
    public static string MasterPlaylist(IEnumerable<(RenderResolution Resolution, string Uri)> variants)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var (r, uri) in variants)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={r.BandwidthBps},RESOLUTION={r.Width}x{r.Height},CODECS=\"avc1.64001f,mp4a.40.2\"\n{uri}\n");
        }

        return text.ToString();
    }

    /// <summary>Writes through a temporary file and a rename, so players never read a half-written playlist.</summary>
    public static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}
