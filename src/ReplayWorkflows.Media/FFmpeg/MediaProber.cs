using System.Globalization;
using System.Text.Json;

namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>Reads streams, timing and key frames with ffprobe. Demux only: never decodes, so it is cheap per chunk.</summary>
public sealed class MediaProber(FFmpegRunner runner)
{
    public MediaProber()
        : this(FFmpegRunner.Default)
    {
    }

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        // One ffprobe run: container, streams, and the first packets (a GOP longer than 300 packets is unheard of for
        // broadcast chunks), which give the first key frame without reading the whole chunk.
        using var doc = await ProbeJsonAsync(path, "packet=stream_index,pts_time,flags", ["-read_intervals", "%+#300"], cancellationToken).ConfigureAwait(false);
        return Parse(path, doc.RootElement).Info;
    }

    /// <summary>
    /// Streams, every video key frame and the B-frame reorder delay in one ffprobe run over all packets: what a cut
    /// needs to plan its seeks and copies.
    /// </summary>
    internal async Task<MediaIndex> IndexAsync(string path, CancellationToken cancellationToken = default)
    {
        using var doc = await ProbeJsonAsync(path, "packet=stream_index,pts_time,dts_time,flags", [], cancellationToken).ConfigureAwait(false);
        var (info, keys, delay) = Parse(path, doc.RootElement);
        return new MediaIndex(info, keys, delay);
    }

    private async Task<JsonDocument> ProbeJsonAsync(string path, string packetEntries, string[] extra, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        EnsureLocalInputExists(path);
        var json = await runner.RunFFprobeAsync(
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_entries", packetEntries, .. extra, path],
            cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(json);
    }

    private static (MediaInfo Info, List<TimeSpan> KeyFrames, TimeSpan ReorderDelay) Parse(string path, JsonElement root)
    {
        if (!root.TryGetProperty("format", out var format))
        {
            throw new FFmpegException(FFmpegErrorKind.CorruptData, $"ffprobe found no container in {path}", "no format section");
        }

        var streams = new List<MediaStreamInfo>();
        if (root.TryGetProperty("streams", out var streamArray))
        {
            foreach (var s in streamArray.EnumerateArray())
            {
                streams.Add(ParseStream(s));
            }
        }

        if (streams.Count == 0)
        {
            throw new FFmpegException(FFmpegErrorKind.CorruptData, $"ffprobe found no streams in {path}", "no streams");
        }

        var keys = new List<TimeSpan>();
        TimeSpan? delay = null;
        var video = streams.FirstOrDefault(s => s.IsVideo);
        if (video is not null && root.TryGetProperty("packets", out var packets))
        {
            foreach (var p in packets.EnumerateArray())
            {
                if (!p.TryGetProperty("stream_index", out var index) || index.GetInt32() != video.Index || Seconds(p, "pts_time") is not { } pts)
                {
                    continue;
                }

                // The first video packet's presentation lead over its decode time is the stream's B-frame delay.
                delay ??= Seconds(p, "dts_time") is { } dts ? (pts > dts ? pts - dts : TimeSpan.Zero) : TimeSpan.Zero;
                if (Str(p, "flags") is { } flags && flags.Contains('K', StringComparison.Ordinal))
                {
                    keys.Add(pts);
                }
            }
        }

        // Packets come in decode order; with B-frames, presentation order differs, so sort.
        keys.Sort();
        var info = new MediaInfo(
            path,
            Str(format, "format_name") ?? "unknown",
            Seconds(format, "duration") ?? streams.Max(s => s.Duration) ?? TimeSpan.Zero,
            Seconds(format, "start_time") ?? TimeSpan.Zero,
            streams,
            keys.Count > 0 ? keys[0] : null);
        return (info, keys, delay ?? TimeSpan.Zero);
    }

    /// <summary>FFmpeg's own message for a missing file is fine, but checking first gives a typed error without a process.</summary>
    internal static void EnsureLocalInputExists(string path)
    {
        if (!path.Contains("://", StringComparison.Ordinal) && !File.Exists(path))
        {
            throw new FFmpegException(FFmpegErrorKind.MissingInput, $"input not found: {path}", $"{path}: No such file or directory");
        }
    }

    private static MediaStreamInfo ParseStream(JsonElement s)
    {
        Rational? rate = null;
        if (Str(s, "avg_frame_rate") is { } avg && avg != "0/0")
        {
            rate = Rational.Parse(avg);
        }
        else if (Str(s, "r_frame_rate") is { } r && r != "0/0")
        {
            rate = Rational.Parse(r);
        }

        var type = Str(s, "codec_type") ?? "unknown";
        string? language = null;
        if (s.TryGetProperty("tags", out var tags) && tags.TryGetProperty("language", out var lang))
        {
            language = lang.GetString();
        }

        return new MediaStreamInfo(
            s.GetProperty("index").GetInt32(),
            type,
            Str(s, "codec_name") ?? "unknown",
            Int(s, "width"),
            Int(s, "height"),
            type == "video" ? rate : null,
            Str(s, "sample_rate") is { } sr ? int.Parse(sr, CultureInfo.InvariantCulture) : null,
            Int(s, "channels"),
            Seconds(s, "start_time"),
            Seconds(s, "duration"),
            language)
        {
            PixelFormat = type == "video" ? Str(s, "pix_fmt") : null,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static TimeSpan? Seconds(JsonElement e, string name) =>
        Str(e, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
