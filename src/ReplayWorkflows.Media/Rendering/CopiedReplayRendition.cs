using System.Globalization;
using System.Text;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// A replay rendition at the source's own picture format, made by copying the source between its transitions. Only
/// the pieces around each join are encoded: a segment's first partial GOP, faded in from the previous segment's last
/// GOP and fade. Everything from a segment's first key frame after its fade to its last key frame before the next
/// fade is stream-copied, and the audio is encoded once over the whole replay with the same crossfades as a full
/// render. A 2-minute 720p replay then costs a few seconds of encoding instead of two minutes of picture.
/// </summary>
/// <remarks>
/// Used only when the copy is what a full encode would deliver: H.264 4:2:0 at the rendition's size and frame rate,
/// within its bitrate cap, key frames close enough for the HLS segment length, and a key frame inside every segment
/// past its transitions. Like accurate clips, it relies on closed GOPs, which broadcast encoders write.
/// </remarks>
internal sealed class CopiedReplayRendition
{
    private readonly ReplayRenderRequest request;
    private readonly IReadOnlyList<JoinedChunks> joined;
    private readonly IReadOnlyList<Piece> pieces;
    private readonly string rate;
    private readonly double frameMs;

    private CopiedReplayRendition(ReplayRenderRequest request, RenderResolution resolution, IReadOnlyList<JoinedChunks> joined, IReadOnlyList<Piece> pieces, Rational rate)
    {
        this.request = request;
        Resolution = resolution;
        this.joined = joined;
        this.pieces = pieces;
        this.rate = rate.ToString();
        frameMs = 1000.0 * rate.Denominator / rate.Numerator;
    }

    public RenderResolution Resolution { get; }

    /// <summary>Share of the replay's picture that is copied rather than encoded (0..1).</summary>
    public double CopiedShare => (double)pieces.Where(p => p.Copy).Sum(p => p.DurationMs) / pieces.Sum(p => p.DurationMs);

    /// <summary>The plan for <paramref name="resolution"/>, or null when a full encode is needed (see the remarks).</summary>
    public static CopiedReplayRendition? TryPlan(ReplayRenderRequest request, RenderResolution resolution, IReadOnlyList<JoinedChunks> joined)
    {
        if (request.TransitionClip is not null || joined.Count != request.Segments.Count
            || joined[0].Info.Video?.FrameRate is not { IsValid: true } rate)
        {
            return null;
        }

        foreach (var source in joined)
        {
            var video = source.Info.Video;
            if (video is not { CodecName: "h264", PixelFormat: "yuv420p" } || video.Width != resolution.Width || video.Height != resolution.Height
                || video.FrameRate != rate || !WithinBitrate(source, resolution) || (request.Hls && LongestGopMs(source) > request.HlsSegmentSeconds * 1000L))
            {
                return null;
            }
        }

        var fade = request.TransitionMs;
        var pieces = new List<Piece>();
        SourceSpan? previous = null;
        for (var i = 0; i < request.Segments.Count; i++)
        {
            var segment = request.Segments[i];
            var keys = joined[i].KeyFramesMs;
            var fadeIn = i > 0 ? fade : 0;
            var fadeOut = i < request.Segments.Count - 1 ? fade : 0;
            long? bodyStart = keys.Where(k => k >= segment.StartMs + fadeIn && k < segment.EndMs).Cast<long?>().FirstOrDefault();
            long? bodyEnd = fadeOut == 0 ? segment.EndMs : keys.Where(k => k <= segment.EndMs - fadeOut).Cast<long?>().LastOrDefault();
            if (bodyStart is not { } start || bodyEnd is not { } end || end <= start)
            {
                return null;
            }

            // With a fade, the previous segment's tail (from its last copied key frame) fades into this head.
            var tail = fadeIn > 0 ? previous : null;
            if (start > segment.StartMs)
            {
                var head = new SourceSpan(i, segment.StartMs, start);
                pieces.Add(new Piece(Copy: false, tail, head, head.DurationMs + (tail?.DurationMs ?? 0) - (tail is null ? 0 : fade)));
            }

            pieces.Add(new Piece(Copy: true, null, new SourceSpan(i, start, end), end - start));
            previous = new SourceSpan(i, end, segment.EndMs);
        }

        return new CopiedReplayRendition(request, resolution, joined, pieces, rate);
    }

    /// <summary>Encodes the joins and the audio, copies the rest, and writes the rendition's MP4 to <paramref name="mp4"/>.</summary>
    public async Task RenderAsync(string mp4, string work, FFmpegRunner runner, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(Environment.ProcessorCount);
        var files = pieces.Select((_, i) => Path.Combine(work, $"piece{i.ToString(CultureInfo.InvariantCulture)}.ts")).ToList();
        var audio = Path.Combine(work, "audio.m4a");
        var jobs = pieces.Select((piece, i) => (Func<Task>)(() => RenderPieceAsync(piece, files[i], runner, cancellationToken))).ToList();
        if (HasAudio)
        {
            jobs.Add(() => RenderAudioAsync(audio, runner, cancellationToken));
        }

        await Task.WhenAll(jobs.Select(async job =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await job().ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);

        // Each piece's slot is its planned length, so the pieces line up with the audio whatever frames they hold.
        var list = new StringBuilder("ffconcat version 1.0\n");
        for (var i = 0; i < pieces.Count; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"file '{files[i]}'\nduration {JoinedChunks.Ms(pieces[i].DurationMs)}\n");
        }

        var listFile = Path.Combine(work, "pieces.ffconcat");
        await File.WriteAllTextAsync(listFile, list.ToString(), cancellationToken).ConfigureAwait(false);
        string[] audioInput = HasAudio ? ["-i", audio] : [];
        string[] audioMap = HasAudio ? ["-map", "1:a:0"] : [];
        await runner.RunFFmpegAsync(
            ["-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listFile, .. audioInput, "-map", "0:v:0", .. audioMap, "-c", "copy", "-movflags", "+faststart", mp4],
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private bool HasAudio => joined.All(j => j.Info.AudioTracks.Count > 0);

    private Task<FFmpegResult> RenderPieceAsync(Piece piece, string file, FFmpegRunner runner, CancellationToken cancellationToken)
    {
        var body = joined[piece.Part.Segment];
        if (piece.Copy)
        {
            // Seeking an MP4 to a key frame's time lands on that key frame; the copy stops on decode time, before the
            // next key frame. Half a frame of margin: key frame times are rounded to milliseconds (29.97 fps frames
            // are not whole ones), and a copy that took the next key frame would repeat the next piece's first frame.
            var length = ((piece.Part.EndMs - piece.Part.StartMs) / 1000.0) - body.ReorderDelay.TotalSeconds - (frameMs / 2000.0);
            return runner.RunFFmpegAsync(
                [
                    "-v", "error", "-y", "-ss", body.SeekSeconds(piece.Part.StartMs), "-i", body.Input,
                    "-map", "0:v:0", "-c", "copy", "-t", JoinedChunks.Seconds(length), "-f", "mpegts", file,
                ],
                cancellationToken: cancellationToken);
        }

        var normalise = Inv($"fps={rate},format=yuv420p,settb=AVTB");
        List<string> args = ["-v", "error", "-y"];
        string graph;
        if (piece.FadeFrom is { } tail)
        {
            var from = joined[tail.Segment];
            args.AddRange(["-ss", from.SeekSeconds(tail.StartMs), "-t", JoinedChunks.Ms(tail.DurationMs), "-i", from.Input]);
            args.AddRange(["-ss", body.SeekSeconds(piece.Part.StartMs), "-t", JoinedChunks.Ms(piece.Part.DurationMs), "-i", body.Input]);
            var fade = request.TransitionMs / 1000.0;
            graph = Inv($"[0:v:0]{normalise}[tail];[1:v:0]{normalise}[head];[tail][head]xfade=transition=fadeblack:duration={fade:0.###}:offset={(tail.DurationMs / 1000.0) - fade:0.######}[v]");
        }
        else
        {
            args.AddRange(["-ss", body.SeekSeconds(piece.Part.StartMs), "-t", JoinedChunks.Ms(piece.Part.DurationMs), "-i", body.Input]);
            graph = Inv($"[0:v:0]{normalise}[v]");
        }

        // Every frame on the rate's grid (xfade can skip one where its timestamps round) and never more frames than
        // the piece's slot holds: a frame off the grid or past the slot lands on the next piece's first frame.
        var frames = (long)Math.Floor((piece.DurationMs / frameMs) + 1e-6);
        args.AddRange(
        [
            "-filter_complex", graph, "-map", "[v]", "-an", "-fps_mode", "cfr", "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
            .. FFmpegReplayRenderer.VideoEncode(Resolution, rate), "-f", "mpegts", file,
        ]);
        return runner.RunFFmpegAsync(args, cancellationToken: cancellationToken, background: true);
    }

    private Task<FFmpegResult> RenderAudioAsync(string file, FFmpegRunner runner, CancellationToken cancellationToken)
    {
        List<string> args = ["-v", "error", "-y"];
        for (var i = 0; i < request.Segments.Count; i++)
        {
            var segment = request.Segments[i];
            args.AddRange(["-ss", joined[i].SeekSeconds(segment.StartMs), "-t", JoinedChunks.Ms(segment.DurationMs), "-i", joined[i].Input]);
        }

        var graph = new StringBuilder();
        var output = FFmpegReplayRenderer.AppendAudioJoin(graph, request.Segments.Count, request.TransitionMs / 1000.0);
        args.AddRange(["-filter_complex", graph.ToString().TrimEnd(';', '\n'), "-map", $"[{output}]", .. FFmpegReplayRenderer.AudioEncode, "-f", "mp4", file]);
        return runner.RunFFmpegAsync(args, cancellationToken: cancellationToken, background: true);
    }

    private static bool WithinBitrate(JoinedChunks source, RenderResolution resolution)
    {
        // The whole file's rate (audio included) bounds the video's from above.
        var seconds = source.Info.Duration.TotalSeconds;
        return seconds > 0 && new FileInfo(source.Input).Length * 8 / seconds <= resolution.MaxBitrateKbps * 1000.0;
    }

    private static long LongestGopMs(JoinedChunks source)
    {
        var keys = source.KeyFramesMs;
        var longest = 0L;
        for (var i = 1; i < keys.Count; i++)
        {
            longest = Math.Max(longest, keys[i] - keys[i - 1]);
        }

        return longest;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Event time [StartMs, EndMs) of one segment's joined source.</summary>
    private sealed record SourceSpan(int Segment, long StartMs, long EndMs)
    {
        public long DurationMs => EndMs - StartMs;
    }

    /// <summary>
    /// A stretch of the rendition, in play order: a copy of <see cref="Part"/>, or an encode of it, faded in from
    /// <see cref="FadeFrom"/> when there is one. <see cref="DurationMs"/> is its slot in the replay.
    /// </summary>
    private sealed record Piece(bool Copy, SourceSpan? FadeFrom, SourceSpan Part, long DurationMs);
}
