using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Clips;

/// <summary>
/// Cuts clips from received chunks across chunk boundaries. Fast clips are stream copies from the key frame at or
/// before the in point. Accurate clips re-encode only the partial first GOP and copy from the next key frame (H.264
/// with closed GOPs, as broadcast encoders write), re-encoding everything only when the codec rules the copy out.
/// </summary>
public sealed partial class ClipMaker(FFmpegRunner runner, ILogger<ClipMaker>? logger = null)
{
    private readonly MediaProber prober = new(runner);
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public ClipMaker()
        : this(FFmpegRunner.Default)
    {
    }

    public async Task<ClipResult> CreateAsync(ClipRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await CreateManyAsync([request], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Several clips of overlapping time (a segment's original and optimized cuts) from one join of the chunks that
    /// cover them all, side by side. Each clip's files come out of as few FFmpeg runs as its mode allows (one for a
    /// copy; for a head-only re-encode, the head and then the whole MP4, with HLS cut from that MP4 by copy so that the
    /// audio is encoded once): on a small machine, process start-up is a large share of a clip's cost.
    /// </summary>
    public async Task<IReadOnlyList<ClipResult>> CreateManyAsync(IReadOnlyList<ClipRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        foreach (var request in requests)
        {
            if (request.Range.DurationMs <= 0)
            {
                throw new ArgumentException($"clip range {request.Range} is empty", nameof(requests));
            }
        }

        var union = new TimeRange(requests.Min(r => r.Range.StartMs), requests.Max(r => r.Range.EndMs));
        var chunks = requests.SelectMany(r => r.Chunks).DistinctBy(c => c.Path).ToList();
        var work = Directory.CreateTempSubdirectory("rw-clip-");
        try
        {
            var joined = await JoinedChunks.OpenAsync(chunks, union, work.FullName, runner, prober, cancellationToken).ConfigureAwait(false);
            return await Task.WhenAll(requests.Select((r, i) =>
                CreateFromAsync(joined, r, Directory.CreateDirectory(Path.Combine(work.FullName, $"clip{i}")).FullName, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<ClipResult> CreateFromAsync(JoinedChunks joined, ClipRequest request, string work, CancellationToken cancellationToken)
    {
        if (!request.Range.Overlaps(new TimeRange(joined.OriginMs, joined.OriginMs + (long)joined.Info.Duration.TotalMilliseconds + 1)))
        {
            throw new ArgumentException($"no received chunk covers {request.Range}", nameof(request));
        }

        Directory.CreateDirectory(request.OutputDirectory);
        var outputs = new ClipOutputs(request, work);
        TimeRange covered;
        var headOnly = false;
        if (request.Mode == ClipMode.Fast)
        {
            covered = new TimeRange(joined.KeyFrameAtOrBefore(request.Range.StartMs), request.Range.EndMs);
            await CopyAsync(joined, covered, outputs, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            covered = request.Range;
            var nextKey = joined.KeyFrameAfter(request.Range.StartMs);
            if (joined.KeyFramesMs.Contains(request.Range.StartMs))
            {
                await CopyAsync(joined, covered, outputs, cancellationToken).ConfigureAwait(false);
                headOnly = true;
            }
            else if (joined.Info.Video is { CodecName: "h264" } && nextKey is { } key && key < request.Range.EndMs)
            {
                await SmartCutAsync(joined, request.Range, key, outputs, work, cancellationToken).ConfigureAwait(false);
                headOnly = true;
            }
            else
            {
                await ReencodeAsync(joined, request.Range, outputs, cancellationToken).ConfigureAwait(false);
            }
        }

        LogClip(log, request.Name, request.Mode, covered.ToString(), headOnly);
        return new ClipResult(covered, request.Mp4 ? outputs.Mp4 : null, request.Hls ? outputs.Playlist : null, request.Thumbnail ? outputs.Thumbnail : null, headOnly);
    }

    /// <summary>Segments an MP4 into a VOD HLS rendition by stream copy; returns the playlist path.</summary>
    internal static async Task<string> SegmentAsync(string mp4, string directory, string name, int segmentSeconds, FFmpegRunner runner, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var playlist = Path.Combine(directory, name + ".m3u8");
        await runner.RunFFmpegAsync(
            ["-v", "error", "-y", "-i", mp4, "-map", "0", "-c", "copy", .. HlsMuxer(directory, name, segmentSeconds), playlist],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return playlist;
    }

    /// <summary>A stream copy from a key frame: MP4, HLS and thumbnail in one run.</summary>
    private Task<FFmpegResult> CopyAsync(JoinedChunks joined, TimeRange range, ClipOutputs outputs, CancellationToken cancellationToken)
    {
        // Seeking an MP4 straight to a key frame's time lands on that key frame, so the copy starts decodable.
        string[] stream =
        [
            "-map", "0:v:0", "-map", "0:a?", "-c", "copy", "-t", joined.CopyDuration(range.StartMs, range.EndMs), "-avoid_negative_ts", "make_zero",
        ];
        return runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                .. outputs.ThumbnailInput(joined, range), .. outputs.CopiedFiles(stream, thumbnailInput: 1),
            ],
            cancellationToken: cancellationToken);
    }

    /// <summary>The whole range re-encoded (codecs that cannot be cut on a key frame, or a range inside one GOP).</summary>
    private async Task ReencodeAsync(JoinedChunks joined, TimeRange range, ClipOutputs outputs, CancellationToken cancellationToken)
    {
        // Input seek with transcoding decodes from the previous key frame and drops frames before the point: frame-exact.
        string[] encode =
        [
            "-t", JoinedChunks.Ms(range.DurationMs), "-map", "0:v:0", "-map", "0:a?", .. VideoEncode(joined.Info),
            "-force_key_frames", "expr:gte(t,n_forced*2)", .. AudioEncode,
        ];
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                .. outputs.ThumbnailInput(joined, range), .. outputs.EncodedFiles(encode, thumbnailInput: 1),
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await outputs.SegmentHlsAsync(runner, cancellationToken).ConfigureAwait(false);
    }

    private async Task SmartCutAsync(JoinedChunks joined, TimeRange range, long key, ClipOutputs outputs, string work, CancellationToken cancellationToken)
    {
        var head = Path.Combine(work, "head.ts");
        var list = Path.Combine(work, "video.ffconcat");

        // 1. The partial GOP [in, key) re-encoded with the source's size and rate.
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                "-t", JoinedChunks.Ms(key - range.StartMs), "-map", "0:v:0", "-an", .. VideoEncode(joined.Info, HeadPreset),
                "-f", "mpegts", head,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // 2. The concat demuxer plays the head, then the joined file from the key frame (its in point, a file time)
        //    until the frame before the out point (a decode time, so the B-frame delay comes off). The audio is
        //    re-encoded over the exact range: audio is cheap and AAC frames never line up with a video cut.
        var inpoint = JoinedChunks.Seconds(joined.FileSeconds(key));
        var outpoint = JoinedChunks.Seconds(joined.FileSeconds(range.EndMs) - joined.ReorderDelay.TotalSeconds);
        await File.WriteAllTextAsync(
            list,
            $"ffconcat version 1.0\nfile '{head}'\nduration {JoinedChunks.Ms(key - range.StartMs)}\nfile '{joined.Input}'\ninpoint {inpoint}\noutpoint {outpoint}\n",
            cancellationToken).ConfigureAwait(false);
        string[] stream = ["-map", "0:v:0", "-map", "1:a?", "-c:v", "copy", .. AudioEncode];
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list,
                "-ss", joined.SeekSeconds(range.StartMs), "-t", JoinedChunks.Ms(range.DurationMs), "-i", joined.Input,
                .. outputs.ThumbnailInput(joined, range), .. outputs.EncodedFiles(stream, thumbnailInput: 2),
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await outputs.SegmentHlsAsync(runner, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A clip's audio, re-encoded over its exact range. The fast AAC coder costs about half the default's time, which
    /// here was most of a head-only clip's cost, for a difference at 128 kb/s that only shows on a spectrum.
    /// </summary>
    private static readonly string[] AudioEncode = ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "128k"];

    /// <summary>
    /// The head is at most one GOP, on the path from a segment's end to its clip in live events: superfast costs about
    /// 30% less time than veryfast there (x264 start-up dominates so short an encode) for a few more bits on two
    /// seconds of picture. It keeps B-frames, which the copied rest of the clip has: a head without them (ultrafast,
    /// zerolatency) leaves the joined stream with decode times that go backwards.
    /// </summary>
    private const string HeadPreset = "superfast";

    internal static string[] HlsMuxer(string directory, string name, int segmentSeconds) =>
    [
        "-f", "hls", "-hls_time", segmentSeconds.ToString(CultureInfo.InvariantCulture), "-hls_playlist_type", "vod",
        "-hls_flags", "independent_segments", "-hls_segment_filename", Path.Combine(directory, name + "_%d.ts"),
    ];

    private static string[] VideoEncode(MediaInfo source, string preset = "veryfast")
    {
        var rate = source.Video?.FrameRate?.ToString() ?? "25";
        return ["-c:v", "libx264", "-preset", preset, "-crf", "20", "-pix_fmt", "yuv420p", "-r", rate];
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Clip {Name} ({Mode}) covers {Covered}; head-only re-encode: {HeadOnly}")]
    private static partial void LogClip(ILogger logger, string name, ClipMode mode, string covered, bool headOnly);
}
