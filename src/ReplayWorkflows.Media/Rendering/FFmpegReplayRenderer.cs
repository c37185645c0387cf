using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Media.Clips;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// Renders a replay with FFmpeg. A rendition at the source's own format copies the source's picture between the
/// transitions and encodes only the joins (<see cref="CopiedReplayRendition"/>). The others come from one run: every
/// segment is read once (a frame-exact input seek into the chunks that hold it), the segments are joined by xfade
/// (fade through black) and acrossfade, by concat, or by concat with the transition clip between every two segments
/// (scaled and padded to the replay's frame, its audio padded with silence or cut to its picture's length, silence
/// when it has none), and the result is split to every such resolution and encoded once each. HLS renditions are
/// cut from the MP4s by stream copy, so asking for MP4 and HLS costs no second encode.
/// </summary>
public sealed partial class FFmpegReplayRenderer(FFmpegRunner runner, ILogger<FFmpegReplayRenderer>? logger = null) : IReplayRenderer
{
    private const string AudioChain = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";

    private readonly MediaProber prober = new(runner);
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public FFmpegReplayRenderer()
        : this(FFmpegRunner.Default)
    {
    }

    public async Task<ReplayRenderResult> RenderAsync(ReplayRenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var fade = request.TransitionMs / 1000.0;
        var sting = request.TransitionClip is null || request.Segments.Count < 2
            ? null
            : await ProbeTransitionClipAsync(request, cancellationToken).ConfigureAwait(false);

        Directory.CreateDirectory(request.OutputDirectory);
        var work = Directory.CreateTempSubdirectory("rw-replay-");
        try
        {
            // Each segment's join is a remux and a probe, two short processes: run them on every core, not in turn.
            using var slots = new SemaphoreSlim(Environment.ProcessorCount);
            var joined = await Task.WhenAll(request.Segments.Select(async (segment, i) =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var segmentWork = Directory.CreateDirectory(Path.Combine(work.FullName, $"s{i}")).FullName;
                    return await JoinedChunks.OpenAsync(request.Chunks, segment, segmentWork, runner, prober, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            })).ConfigureAwait(false);

            var mp4s = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var res in request.Resolutions)
            {
                var folder = Directory.CreateDirectory(Path.Combine(request.OutputDirectory, res.FolderName)).FullName;
                mp4s[res.Name] = Path.Combine(request.Mp4 ? folder : work.FullName, $"{request.Name}-{res.FolderName}.mp4");
            }

            // A rendition at the source's own format copies the picture between transitions; the others are encoded.
            var copied = request.Resolutions.Select(r => CopiedReplayRendition.TryPlan(request, r, joined)).FirstOrDefault(c => c is not null);
            var encoded = request.Resolutions.Where(r => r != copied?.Resolution).ToList();
            var copiedRender = copied is null ? Task.FromResult(false) : RenderCopiedAsync(copied, request, joined, fade, mp4s, work.FullName, cancellationToken);
            var encodedRender = encoded.Count == 0
                ? Task.CompletedTask
                : EncodeAsync(request with { Resolutions = encoded }, joined, sting, fade, mp4s, work.FullName, cancellationToken);
            await Task.WhenAll(copiedRender, encodedRender).ConfigureAwait(false);

            var hls = new Dictionary<string, string>(StringComparer.Ordinal);
            string? master = null;
            if (request.Hls)
            {
                foreach (var res in request.Resolutions)
                {
                    hls[res.Name] = await ClipMaker.SegmentAsync(
                        mp4s[res.Name], Path.Combine(request.OutputDirectory, res.FolderName), request.Name, request.HlsSegmentSeconds, runner, cancellationToken).ConfigureAwait(false);
                }

                master = Path.Combine(request.OutputDirectory, request.Name + "-master.m3u8");
                await HlsPlaylistWriter.WriteAtomicallyAsync(
                    master,
                    HlsPlaylistWriter.MasterPlaylist(request.Resolutions.Select(r => (r, $"{r.FolderName}/{request.Name}.m3u8"))),
                    cancellationToken).ConfigureAwait(false);
            }

            var joins = request.Segments.Count - 1;
            var planned = TimeSpan.FromMilliseconds(request.Segments.Sum(s => s.DurationMs) - (joins * request.TransitionMs))
                + (sting is null ? TimeSpan.Zero : joins * sting.Duration);
            LogRendered(log, request.Name, request.Segments.Count, planned.TotalSeconds, request.Resolutions.Count);
            return new ReplayRenderResult(planned, request.Mp4 ? mp4s : new Dictionary<string, string>(), hls, master)
            {
                CopiedResolutions = await copiedRender.ConfigureAwait(false) ? [copied!.Resolution.Name] : [],
            };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The copied rendition; true when it was copied. Should FFmpeg refuse the copy (a source the eligibility checks
    /// did not foresee), the rendition is encoded in full instead, so the replay is slower but still delivered.
    /// </summary>
    private async Task<bool> RenderCopiedAsync(
        CopiedReplayRendition copied, ReplayRenderRequest request, JoinedChunks[] joined, double fade, Dictionary<string, string> mp4s, string work,
        CancellationToken cancellationToken)
    {
        LogCopied(log, request.Name, copied.Resolution.Name, copied.CopiedShare * 100);
        try
        {
            await copied.RenderAsync(mp4s[copied.Resolution.Name], Directory.CreateDirectory(Path.Combine(work, "copied")).FullName, runner, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FFmpegException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogCopyFailed(log, ex, request.Name, copied.Resolution.Name);
            var fallback = Directory.CreateDirectory(Path.Combine(work, "copy-failed")).FullName;
            await EncodeAsync(request with { Resolutions = [copied.Resolution] }, joined, null, fade, mp4s, fallback, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>One FFmpeg run that reads every segment once and encodes every resolution of <paramref name="request"/>.</summary>
    private async Task EncodeAsync(
        ReplayRenderRequest request, JoinedChunks[] joined, TransitionClipInfo? sting, double fade, Dictionary<string, string> mp4s, string work,
        CancellationToken cancellationToken)
    {
        var inputs = new List<string>();
        var rate = "25";
        for (var i = 0; i < request.Segments.Count; i++)
        {
            var segment = request.Segments[i];
            rate = joined[i].Info.Video?.FrameRate?.ToString() ?? rate;

            // Input options: seek and length apply to this input only; with decoding, the seek is frame-exact.
            inputs.AddRange(["-ss", joined[i].SeekSeconds(segment.StartMs), "-t", JoinedChunks.Ms(segment.DurationMs), "-i", joined[i].Input]);
        }

        if (sting is not null)
        {
            inputs.AddRange(["-i", sting.Path]);
        }

        var graphFile = Path.Combine(work, "graph.txt");
        await File.WriteAllTextAsync(graphFile, BuildGraph(request, rate, fade, sting), cancellationToken).ConfigureAwait(false);
        List<string> args = ["-v", "error", "-y", .. inputs, "-filter_complex_script", graphFile];
        for (var r = 0; r < request.Resolutions.Count; r++)
        {
            var res = request.Resolutions[r];
            args.AddRange(
            [
                "-map", $"[v{r}]", "-map", r == 0 ? "[aout]" : $"[aout{r.ToString(CultureInfo.InvariantCulture)}]",
                .. VideoEncode(res, rate), .. AudioEncode, "-movflags", "+faststart", mp4s[res.Name],
            ]);
        }

        // A replay is minutes of encoding that nobody is waiting on frame by frame; live clips and analysis are.
        await runner.RunFFmpegAsync(args, cancellationToken: cancellationToken, background: true).ConfigureAwait(false);
    }

    /// <summary>The video encode of a replay rendition, full or a copied rendition's joins.</summary>
    internal static string[] VideoEncode(RenderResolution res, string rate) =>
    [
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-pix_fmt", "yuv420p",
        "-maxrate", $"{res.MaxBitrateKbps}k", "-bufsize", $"{res.MaxBitrateKbps * 2}k",
        // Key frames every 2 s so HLS segments can be cut from this encode by copy.
        "-force_key_frames", "expr:gte(t,n_forced*2)", "-r", rate,
    ];

    internal static readonly string[] AudioEncode = ["-c:a", "aac", "-b:a", "96k", "-ar", "48000"];

    private async Task<TransitionClipInfo> ProbeTransitionClipAsync(ReplayRenderRequest request, CancellationToken cancellationToken)
    {
        var path = request.TransitionClip!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the transition clip {path} does not exist: give the path of a short video (about 1 s) to insert between segments", path);
        }

        var info = await prober.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        var duration = info.Video?.Duration ?? info.Duration;
        if (info.Video is null || duration <= TimeSpan.Zero)
        {
            throw new ReplayRequestRefusedException($"the transition clip {path} has no video to insert (ffprobe found {string.Join(", ", info.Streams.Select(s => s.CodecType))})");
        }

        return new TransitionClipInfo(path, duration, info.AudioTracks.Count > 0);
    }

    private static string BuildGraph(ReplayRenderRequest request, string rate, double fade, TransitionClipInfo? sting)
    {
        var g = new StringBuilder();
        var n = request.Segments.Count;
        var largest = request.Resolutions.MaxBy(r => r.Width * r.Height)!;

        // xfade and concat need identical size, rate and time base on every input.
        var videoChain = Inv($"fps={rate},scale={largest.Width}:{largest.Height}:force_original_aspect_ratio=decrease,pad={largest.Width}:{largest.Height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p,settb=AVTB");
        for (var i = 0; i < n; i++)
        {
            g.Append(Inv($"[{i}:v:0]{videoChain}[v{i}s];\n"));
        }

        string video;
        string audio;
        if (sting is null || n == 1)
        {
            video = AppendVideoJoin(g, request, fade);
            audio = AppendAudioJoin(g, n, fade);
        }
        else
        {
            // One copy of the clip per join, normalised like the segments; its audio is exactly as long as its picture.
            AppendAudioInputs(g, n);
            var seconds = sting.Duration.TotalSeconds;
            g.Append(Inv($"[{n}:v:0]{videoChain},split={n - 1}"));
            g.Append(string.Concat(Enumerable.Range(0, n - 1).Select(j => Inv($"[tv{j}]")))).Append(";\n");
            g.Append(sting.HasAudio
                ? Inv($"[{n}:a:0]{AudioChain},apad,atrim=duration={seconds:0.######},asplit={n - 1}")
                : Inv($"anullsrc=r=48000:cl=stereo,atrim=duration={seconds:0.######},{AudioChain},asplit={n - 1}"));
            g.Append(string.Concat(Enumerable.Range(0, n - 1).Select(j => Inv($"[ta{j}]")))).Append(";\n");
            for (var i = 0; i < n; i++)
            {
                g.Append(Inv($"[v{i}s][a{i}s]"));
                if (i < n - 1)
                {
                    g.Append(Inv($"[tv{i}][ta{i}]"));
                }
            }

            g.Append(Inv($"concat=n={(2 * n) - 1}:v=1:a=1[vcat][acat];\n"));
            video = "vcat";
            audio = "acat";
        }

        var count = request.Resolutions.Count;
        g.Append(Inv($"[{video}]split={count}"));
        for (var r = 0; r < count; r++)
        {
            g.Append(Inv($"[vr{r}]"));
        }

        g.Append(";\n");
        g.Append(Inv($"[{audio}]asplit={count}[aout]"));
        for (var r = 1; r < count; r++)
        {
            g.Append(Inv($"[aout{r}]"));
        }

        for (var r = 0; r < count; r++)
        {
            var res = request.Resolutions[r];
            g.Append(Inv($";\n[vr{r}]scale={res.Width}:{res.Height}:force_original_aspect_ratio=decrease,pad={res.Width}:{res.Height}:(ow-iw)/2:(oh-ih)/2,setsar=1[v{r}]"));
        }

        g.Append('\n');
        return g.ToString();
    }

    /// <summary>Joins the normalised segment pictures [v{i}s]: fade through black, or a hard cut; returns the output label.</summary>
    private static string AppendVideoJoin(StringBuilder g, ReplayRenderRequest request, double fade)
    {
        var n = request.Segments.Count;
        if (n == 1)
        {
            return "v0s";
        }

        if (fade <= 0)
        {
            g.Append(string.Concat(Enumerable.Range(0, n).Select(i => Inv($"[v{i}s]")))).Append(Inv($"concat=n={n}:v=1:a=0[vcat];\n"));
            return "vcat";
        }

        var video = "v0s";
        double offset = 0;
        for (var i = 1; i < n; i++)
        {
            // Each fade starts `fade` seconds before the joined stream so far ends.
            offset += (request.Segments[i - 1].DurationMs / 1000.0) - fade;
            g.Append(Inv($"[{video}][v{i}s]xfade=transition=fadeblack:duration={fade:0.###}:offset={offset:0.######}[vx{i}];\n"));
            video = $"vx{i}";
        }

        return video;
    }

    /// <summary>
    /// The first audio track of inputs 0..n-1, resampled alike and joined by crossfades (or a hard cut); returns the
    /// output label. A copied rendition encodes its audio from the same join, so both kinds of rendition sound alike.
    /// </summary>
    internal static string AppendAudioJoin(StringBuilder g, int n, double fade)
    {
        AppendAudioInputs(g, n);
        if (n == 1)
        {
            return "a0s";
        }

        if (fade <= 0)
        {
            g.Append(string.Concat(Enumerable.Range(0, n).Select(i => Inv($"[a{i}s]")))).Append(Inv($"concat=n={n}:v=0:a=1[acat];\n"));
            return "acat";
        }

        var audio = "a0s";
        for (var i = 1; i < n; i++)
        {
            g.Append(Inv($"[{audio}][a{i}s]acrossfade=d={fade:0.###}[ax{i}];\n"));
            audio = $"ax{i}";
        }

        return audio;
    }

    private static void AppendAudioInputs(StringBuilder g, int n)
    {
        for (var i = 0; i < n; i++)
        {
            g.Append(Inv($"[{i}:a:0]{AudioChain}[a{i}s];\n"));
        }
    }

    private sealed record TransitionClipInfo(string Path, TimeSpan Duration, bool HasAudio);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Replay {Name}: {Segments} segments, {Seconds:0.###} s, {Resolutions} resolutions")]
    private static partial void LogRendered(ILogger logger, string name, int segments, double seconds, int resolutions);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Information, Message = "Replay {Name}: the {Resolution} rendition copies {CopiedPercent:0}% of its picture from the source and encodes only the joins")]
    private static partial void LogCopied(ILogger logger, string name, string resolution, double copiedPercent);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Warning, Message = "Replay {Name}: copying the {Resolution} rendition failed; encoding it in full instead")]
    private static partial void LogCopyFailed(ILogger logger, Exception exception, string name, string resolution);
}
