using System.Globalization;

namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// Parses HLS media playlists leniently: a damaged line becomes an <see cref="HlsParseProblem"/> with its line
/// number and parsing goes on, because one bad line in a live playlist must not stop an event. Only text that is
/// not a media playlist at all throws.
/// </summary>
public static class HlsPlaylistParser
{
    public static HlsMediaPlaylist Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimStart('\uFEFF').Trim() != "#EXTM3U")
        {
            throw new HlsPlaylistException("not an HLS playlist: the first line must be #EXTM3U", 1);
        }

        var problems = new List<HlsParseProblem>();
        var segments = new List<HlsSegment>();
        int? version = null;
        var target = 0;
        long mediaSequence = 0;
        long discontinuitySequence = 0;
        var type = HlsPlaylistType.Live;
        var endList = false;
        var independent = false;
        var sequenceSeen = false;

        // State for the segment being described by tags before its URI line.
        TimeSpan? duration = null;
        var haveInf = false;
        var discontinuity = false;
        DateTimeOffset? programDateTime = null;

        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('#'))
            {
                if (!haveInf)
                {
                    problems.Add(new HlsParseProblem(lineNumber, line, "segment URI without a preceding #EXTINF"));
                }

                segments.Add(new HlsSegment(mediaSequence + segments.Count, line, duration, discontinuity, programDateTime, lineNumber));
                duration = null;
                haveInf = false;
                discontinuity = false;
                programDateTime = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var tag = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            switch (tag)
            {
                case "#EXTINF":
                    haveInf = true;
                    var comma = value.IndexOf(',', StringComparison.Ordinal);
                    var number = comma < 0 ? value : value[..comma];
                    if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
                    {
                        duration = TimeSpan.FromSeconds(seconds);
                    }
                    else
                    {
                        problems.Add(new HlsParseProblem(lineNumber, line, "unreadable #EXTINF duration"));
                    }

                    break;
                case "#EXT-X-VERSION":
                    version = ParseInt(value, lineNumber, line, problems) is { } v ? (int)v : version;
                    break;
                case "#EXT-X-TARGETDURATION":
                    target = ParseInt(value, lineNumber, line, problems) is { } t ? (int)t : target;
                    break;
                case "#EXT-X-MEDIA-SEQUENCE":
                    if (segments.Count > 0 || sequenceSeen)
                    {
                        problems.Add(new HlsParseProblem(lineNumber, line, "#EXT-X-MEDIA-SEQUENCE must appear once, before the first segment"));
                    }
                    else
                    {
                        mediaSequence = ParseInt(value, lineNumber, line, problems) ?? 0;
                        sequenceSeen = true;
                    }

                    break;
                case "#EXT-X-DISCONTINUITY-SEQUENCE":
                    discontinuitySequence = ParseInt(value, lineNumber, line, problems) ?? 0;
                    break;
                case "#EXT-X-PLAYLIST-TYPE":
                    switch (value.Trim())
                    {
                        case "VOD":
                            type = HlsPlaylistType.Vod;
                            break;
                        case "EVENT":
                            type = HlsPlaylistType.Event;
                            break;
                        default:
                            problems.Add(new HlsParseProblem(lineNumber, line, "unknown playlist type"));
                            break;
                    }

                    break;
                case "#EXT-X-ENDLIST":
                    endList = true;
                    break;
                case "#EXT-X-INDEPENDENT-SEGMENTS":
                    independent = true;
                    break;
                case "#EXT-X-DISCONTINUITY":
                    discontinuity = true;
                    break;
                case "#EXT-X-PROGRAM-DATE-TIME":
                    if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var pdt))
                    {
                        programDateTime = pdt;
                    }
                    else
                    {
                        problems.Add(new HlsParseProblem(lineNumber, line, "unreadable #EXT-X-PROGRAM-DATE-TIME"));
                    }

                    break;
                case "#EXT-X-STREAM-INF":
                case "#EXT-X-MEDIA":
                    throw new HlsPlaylistException("this is a master playlist; a media playlist is needed", lineNumber);
                default:
                    // Other tags (#EXT-X-MAP, #EXT-X-KEY, comments, vendor tags) do not affect chunk discovery.
                    break;
            }
        }

        return new HlsMediaPlaylist(version, target, mediaSequence, discontinuitySequence, type, endList, independent, segments, problems);
    }

    private static long? ParseInt(string value, int lineNumber, string line, List<HlsParseProblem> problems)
    {
        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        problems.Add(new HlsParseProblem(lineNumber, line, "expected a non-negative integer"));
        return null;
    }
}
