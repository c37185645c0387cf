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
        if (request.Range.DurationMs <= 0)
        {
            throw new ArgumentException($"clip range {request.Range} is empty", nameof(request));
        }

        Directory.CreateDirectory(request.OutputDirectory);
        var mp4 = Path.Combine(request.OutputDirectory, request.Name + ".mp4");
        var work = Directory.CreateTempSubdirectory("rw-clip-");
        try
        {
            var joined = await JoinedChunks.OpenAsync(request.Chunks, request.Range, work.FullName, runner, prober, cancellationToken).ConfigureAwait(false);
            TimeRange covered;
            var headOnly = false;
            if (request.Mode == ClipMode.Fast)
            {
                var start = joined.KeyFrameAtOrBefore(request.Range.StartMs);
                covered = new TimeRange(start, request.Range.EndMs);
                await CopyAsync(joined, covered, mp4, "mp4", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                covered = request.Range;
                var video = joined.Info.Video;
                var nextKey = joined.KeyFrameAfter(request.Range.StartMs);
                var onKey = joined.KeyFramesMs.Contains(request.Range.StartMs);
                if (onKey)
                {
                    await CopyAsync(joined, covered, mp4, "mp4", cancellationToken).ConfigureAwait(false);
                    headOnly = true;
                }
                else if (video is { CodecName: "h264" } && nextKey is { } key && key < request.Range.EndMs)
                {
                    await SmartCutAsync(joined, request.Range, key, mp4, work.FullName, cancellationToken).ConfigureAwait(false);
                    headOnly = true;
                }
                else
                {
                    await ReencodeAsync(joined, request.Range, mp4, cancellationToken).ConfigureAwait(false);
                }
            }

            string? playlist = null;
            if (request.Hls)
            {
                playlist = await SegmentAsync(mp4, Path.Combine(request.OutputDirectory, request.Name), request.Name, request.HlsSegmentSeconds, runner, cancellationToken).ConfigureAwait(false);
            }

            string? thumbnail = null;
            if (request.Thumbnail)
            {
                thumbnail = Path.Combine(request.OutputDirectory, request.Name + ".jpg");
                await ThumbnailAsync(mp4, covered.DurationMs / 2, thumbnail, cancellationToken).ConfigureAwait(false);
            }

            if (!request.Mp4)
            {
                File.Delete(mp4);
            }

            LogClip(log, request.Name, request.Mode, covered.ToString(), headOnly);
            return new ClipResult(covered, request.Mp4 ? mp4 : null, playlist, thumbnail, headOnly);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Segments an MP4 into a VOD HLS rendition by stream copy; returns the playlist path.</summary>
    internal static async Task<string> SegmentAsync(string mp4, string directory, string name, int segmentSeconds, FFmpegRunner runner, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var playlist = Path.Combine(directory, name + ".m3u8");
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-i", mp4, "-map", "0", "-c", "copy", "-f", "hls",
                "-hls_time", segmentSeconds.ToString(CultureInfo.InvariantCulture), "-hls_playlist_type", "vod",
                "-hls_flags", "independent_segments", "-hls_segment_filename", Path.Combine(directory, name + "_%d.ts"), playlist,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return playlist;
    }

    private Task<FFmpegResult> CopyAsync(JoinedChunks joined, TimeRange range, string output, string format, CancellationToken cancellationToken) =>
        runner.RunFFmpegAsync(
            [
                // Seeking an MP4 straight to a key frame's time lands on that key frame, so the copy starts decodable.
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                "-t", joined.CopyDuration(range.StartMs, range.EndMs), "-map", "0:v:0", "-map", "0:a?", "-c", "copy",
                "-avoid_negative_ts", "make_zero", "-f", format, .. Faststart(format), output,
            ],
            cancellationToken: cancellationToken);

    private Task<FFmpegResult> ReencodeAsync(JoinedChunks joined, TimeRange range, string output, CancellationToken cancellationToken) =>
        runner.RunFFmpegAsync(
            [
                // Input seek with transcoding decodes from the previous key frame and drops frames before the point: frame-exact.
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                "-t", JoinedChunks.Ms(range.DurationMs), "-map", "0:v:0", "-map", "0:a?",
                .. VideoEncode(joined.Info), "-force_key_frames", "expr:gte(t,n_forced*2)",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", output,
            ],
            cancellationToken: cancellationToken);

    private async Task SmartCutAsync(JoinedChunks joined, TimeRange range, long key, string output, string work, CancellationToken cancellationToken)
    {
        var head = Path.Combine(work, "head.ts");
        var tail = Path.Combine(work, "tail.ts");
        var list = Path.Combine(work, "video.ffconcat");
        var video = Path.Combine(work, "video.ts");

        // 1. The partial GOP [in, key) re-encoded with the source's size and rate.
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                "-t", JoinedChunks.Ms(key - range.StartMs), "-map", "0:v:0", "-an", .. VideoEncode(joined.Info),
                "-f", "mpegts", head,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // 2. From the key frame on, copied untouched.
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-ss", joined.SeekSeconds(key), "-i", joined.Input,
                "-t", joined.CopyDuration(key, range.EndMs), "-map", "0:v:0", "-an", "-c", "copy", "-f", "mpegts", tail,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        // 3. Join the two video parts (the concat demuxer re-times the tail after the head) and add the audio,
        //    re-encoded over the exact range: audio is cheap and AAC frames never line up with a video cut.
        await File.WriteAllTextAsync(list, $"ffconcat version 1.0\nfile '{head}'\nfile '{tail}'\n", cancellationToken).ConfigureAwait(false);
        await runner.RunFFmpegAsync(
            ["-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-f", "mpegts", video],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-i", video, "-ss", joined.SeekSeconds(range.StartMs), "-i", joined.Input,
                "-t", JoinedChunks.Ms(range.DurationMs), "-map", "0:v:0", "-map", "1:a?", "-c:v", "copy",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", output,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task<FFmpegResult> ThumbnailAsync(string mp4, long atMs, string output, CancellationToken cancellationToken) =>
        runner.RunFFmpegAsync(
            ["-v", "error", "-y", "-ss", JoinedChunks.Ms(atMs), "-i", mp4, "-frames:v", "1", "-vf", "scale=640:-2", "-q:v", "3", output],
            cancellationToken: cancellationToken);

    private static string[] VideoEncode(MediaInfo source)
    {
        var rate = source.Video?.FrameRate?.ToString() ?? "25";
        return ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-r", rate];
    }

    private static string[] Faststart(string format) => format == "mp4" ? ["-movflags", "+faststart"] : [];

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Clip {Name} ({Mode}) covers {Covered}; head-only re-encode: {HeadOnly}")]
    private static partial void LogClip(ILogger logger, string name, ClipMode mode, string covered, bool headOnly);
}
