using System.Globalization;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Clips;

/// <summary>
/// The chunks covering an event-time range, remuxed (stream copy, near free) into one MP4 so that cuts can seek.
/// MPEG-TS has no index: a seek lands wherever a timestamp search stops, usually mid-GOP, and a decode from there
/// fails until the next key frame. MP4 seeks land on the key frame at or before the target.
/// </summary>
internal sealed class JoinedChunks
{
    private JoinedChunks(string input, long originMs, MediaInfo info, IReadOnlyList<long> keyFramesMs, TimeSpan reorderDelay)
    {
        Input = input;
        OriginMs = originMs;
        Info = info;
        KeyFramesMs = keyFramesMs;
        ReorderDelay = reorderDelay;
    }

    /// <summary>The joined MP4.</summary>
    public string Input { get; }

    /// <summary>Event time of the joined file's first video frame.</summary>
    public long OriginMs { get; }

    public MediaInfo Info { get; }

    /// <summary>Event times of every key frame of the joined file.</summary>
    public IReadOnlyList<long> KeyFramesMs { get; }

    /// <summary>
    /// How far decode timestamps run behind presentation ones (B-frame delay). A stream copy stops on decode time,
    /// so copy durations are shortened by this much to end on the planned frame.
    /// </summary>
    public TimeSpan ReorderDelay { get; }

    public static async Task<JoinedChunks> OpenAsync(
        IReadOnlyList<MediaChunk> all, TimeRange range, string workDirectory, FFmpegRunner runner, MediaProber prober, CancellationToken cancellationToken)
    {
        var chosen = all.Where(c => c.Span.Overlaps(range)).OrderBy(c => c.Span.StartMs).ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException($"no received chunk covers {range}", nameof(all));
        }

        var joined = Path.Combine(workDirectory, "joined.mp4");
        var input = chosen.Count == 1 ? chosen[0].Path : "concat:" + string.Join('|', chosen.Select(c => c.Path));
        await runner.RunFFmpegAsync(
            [
                // MPEG-TS's 90 kHz clock as the track's time base lets the concat demuxer join a re-encoded TS head
                // with a copy straight out of this file.
                "-v", "error", "-y", "-i", input, "-map", "0:v:0", "-map", "0:a?", "-c", "copy", "-video_track_timescale", "90000", "-f", "mp4", joined,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var index = await prober.IndexAsync(joined, cancellationToken).ConfigureAwait(false);
        var info = index.Info;
        var videoStart = info.Video?.StartTime ?? info.StartTime;
        var originMs = chosen[0].Span.StartMs;
        var keyMs = index.KeyFrames.Select(k => originMs + (long)Math.Round((k - videoStart).TotalMilliseconds)).ToList();
        var delay = index.ReorderDelay;
        return new JoinedChunks(joined, originMs, info, keyMs, delay);
    }

    /// <summary>The seek position (seconds from the joined input's start) of an event time.</summary>
    public string SeekSeconds(long eventMs) => Seconds(Math.Max(0, FileSeconds(eventMs) - Info.StartTime.TotalSeconds));

    /// <summary>The file timestamp (seconds, as the demuxer reports it) of an event time.</summary>
    public double FileSeconds(long eventMs) => (Info.Video?.StartTime ?? Info.StartTime).TotalSeconds + ((eventMs - OriginMs) / 1000.0);

    /// <summary>The key frame at or before <paramref name="eventMs"/> (the first one when the point precedes them all).</summary>
    public long KeyFrameAtOrBefore(long eventMs) => KeyFramesMs.LastOrDefault(k => k <= eventMs, KeyFramesMs.Count > 0 ? KeyFramesMs[0] : OriginMs);

    /// <summary>The first key frame after <paramref name="eventMs"/>, if any.</summary>
    public long? KeyFrameAfter(long eventMs)
    {
        foreach (var k in KeyFramesMs)
        {
            if (k > eventMs)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>The <c>-t</c> value that makes a stream copy end on the frame before <paramref name="endMs"/>.</summary>
    public string CopyDuration(long startMs, long endMs) => Seconds(Math.Max(0.001, ((endMs - startMs) / 1000.0) - ReorderDelay.TotalSeconds));

    public static string Seconds(double seconds) => seconds.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Ms(long ms) => Seconds(ms / 1000.0);
}
