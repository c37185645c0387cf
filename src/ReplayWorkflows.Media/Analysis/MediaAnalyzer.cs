using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>
/// Computes every requested <see cref="MediaFeature"/> of a chunk in ONE ffmpeg run: each media stream is decoded once
/// and feeds one filter chain (video: scdet, blackdetect, freezedetect at the processing frame rate; audio, per track:
/// ebur128 momentary and silencedetect). Detectors write their per-frame metadata to files, which are parsed into a
/// <see cref="ChunkAnalysis"/> in event time (chunk start applied, integer ms).
/// </summary>
public sealed partial class MediaAnalyzer(FFmpegRunner runner, AnalysisOptions? options = null, ILogger<MediaAnalyzer>? logger = null)
{
    internal static readonly MediaFeature[] VideoFeatures = [MediaFeature.SceneChange, MediaFeature.BlackFrames, MediaFeature.FreezeFrames];
    internal static readonly MediaFeature[] AudioFeatures = [MediaFeature.Silence, MediaFeature.Loudness];

    private readonly AnalysisOptions options = options ?? new AnalysisOptions();
    private readonly MediaProber prober = new(runner);
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;
    private readonly ConcurrentDictionary<string, StreamLayout> layouts = new(StringComparer.Ordinal);

    public MediaAnalyzer()
        : this(FFmpegRunner.Default)
    {
    }

    public async Task<ChunkAnalysis> AnalyzeAsync(ChunkAnalysisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = SourceKey(request.Path);
        var probe = prober.ProbeAsync(request.Path, cancellationToken);

        // Chunks of one source share their streams, so the decode can start on the previous chunk's layout while the
        // probe runs (the probe is a process start away from free: on a live chunk's path that is worth saving). A
        // layout that turns out different throws the early decode away.
        using var speculation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var guess = layouts.TryGetValue(source, out var known) ? known : null;
        var early = guess is null ? null : DecodeAsync(request, guess, speculation.Token);
        MediaInfo info;
        try
        {
            info = await probe.ConfigureAwait(false);
        }
        catch
        {
            await AbandonAsync(early, speculation).ConfigureAwait(false);
            throw;
        }

        var layout = StreamLayout.Of(info, request.Features);
        if (layouts.Count > 1000)
        {
            layouts.Clear();
        }

        layouts[source] = layout;
        DecodeOutcome? decoded;
        if (early is not null && layout == guess)
        {
            decoded = await early.ConfigureAwait(false);
        }
        else
        {
            await AbandonAsync(early, speculation).ConfigureAwait(false);
            decoded = await DecodeAsync(request, layout, cancellationToken).ConfigureAwait(false);
        }

        var origin = info.Origin;
        var durationMs = (long)Math.Round((info.StartTime + info.Duration - origin).TotalMilliseconds);
        var span = new TimeRange(request.StartMs, request.StartMs + Math.Max(0, durationMs));
        if (decoded is null)
        {
            return new ChunkAnalysis(request.ChunkNumber, span, null, []);
        }

        if (info.Duration <= TimeSpan.Zero)
        {
            // Over HTTP ffprobe often cannot tell a TS chunk's duration; the decode itself then measures it.
            span = new TimeRange(request.StartMs, request.StartMs + (long)Math.Round(decoded.Decoded.TotalMilliseconds));
        }

        var result = decoded.Result;
        if (options.FailOnDecodeErrors && result.StderrTail.Any(l => !string.IsNullOrWhiteSpace(l) && !FFmpegErrorClassifier.IsBenign(l)))
        {
            var kind = FFmpegErrorClassifier.Classify(result.StderrTail);
            var reason = FFmpegErrorClassifier.Reason(result.StderrTail);
            throw new FFmpegException(
                kind == FFmpegErrorKind.Failed ? FFmpegErrorKind.CorruptData : kind,
                $"chunk {request.ChunkNumber} ({request.Path}) decoded with errors: {reason}",
                reason);
        }

        // Filter timestamps start at the container's start time; event time starts at the chunk's first video frame.
        var shiftMs = (info.StartTime - origin).TotalMilliseconds + request.StartMs;
        var mapper = new EventTimeMapper(shiftMs, span);
        var video = layout.Video ? ParseVideo(decoded.VideoFrames, request.Features, mapper) : null;
        var audio = decoded.AudioFrames.Select((frames, i) => ParseAudio(i + 1, frames, request.Features, mapper)).ToList();
        LogAnalysed(log, request.ChunkNumber, result.Elapsed.TotalMilliseconds, video?.SceneChanges.Count ?? 0);
        return new ChunkAnalysis(request.ChunkNumber, span, video, audio);
    }

    /// <summary>One decode of the chunk through the detector graph for <paramref name="layout"/>; null when nothing is asked of it.</summary>
    private async Task<DecodeOutcome?> DecodeAsync(ChunkAnalysisRequest request, StreamLayout layout, CancellationToken cancellationToken)
    {
        if (!layout.Video && layout.AudioTracks == 0)
        {
            return null;
        }

        var work = Directory.CreateTempSubdirectory("rw-analysis-");
        try
        {
            var graph = BuildGraph(request, layout, work.FullName, out var outputs);
            using var share = new DecodeShare(this);
            List<string> args =
            [
                "-v", "error", "-filter_complex_threads", FilterThreads().ToString(CultureInfo.InvariantCulture),
                .. share.ThreadArguments(options.DecodeThreads > 0 ? options.DecodeThreads : runner.FixedThreads), "-i", request.Path, "-filter_complex", graph,
            ];
            foreach (var output in outputs)
            {
                args.AddRange(["-map", $"[{output}]"]);
            }

            args.AddRange(["-f", "null", "-"]);
            var lastProgress = TimeSpan.Zero;
            var progress = new InlineProgress(p => lastProgress = p.OutTime > lastProgress ? p.OutTime : lastProgress);
            var result = await runner.RunFFmpegAsync(args, progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            var videoFrames = new List<MetadataFrame>();
            if (layout.Video)
            {
                videoFrames.AddRange(await ReadFramesAsync(Path.Combine(work.FullName, "video.txt"), cancellationToken).ConfigureAwait(false));
                videoFrames.AddRange(await ReadFramesAsync(Path.Combine(work.FullName, "ranges.txt"), cancellationToken).ConfigureAwait(false));
            }

            var audioFrames = new List<IReadOnlyList<MetadataFrame>>();
            for (var track = 1; track <= layout.AudioTracks; track++)
            {
                audioFrames.Add(await ReadFramesAsync(Path.Combine(work.FullName, $"audio{track}.txt"), cancellationToken).ConfigureAwait(false));
            }

            return new DecodeOutcome(result, lastProgress, videoFrames, audioFrames);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task AbandonAsync(Task<DecodeOutcome?>? early, CancellationTokenSource speculation)
    {
        if (early is null)
        {
            return;
        }

        await speculation.CancelAsync().ConfigureAwait(false);
        try
        {
            _ = await early.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or FFmpegException)
        {
            // The early decode was on a wrong guess (or the probe failed): its outcome says nothing.
        }
    }

    /// <summary>Chunks that come from the same folder or playlist share a stream layout.</summary>
    private static string SourceKey(string path)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash > 0 ? path[..slash] : path;
    }

    private string BuildGraph(ChunkAnalysisRequest request, StreamLayout layout, string work, out List<string> outputs)
    {
        var graph = new StringBuilder();
        outputs = [];
        var f = request.Features;
        if (layout.Video)
        {
            var chain = new List<string>();
            if (request.ProcessingFrameRate is { IsValid: true } rate && rate != layout.FrameRate)
            {
                chain.Add($"fps={rate}");
            }

            if (options.AnalysisWidth > 0 && layout.Width > 2 * options.AnalysisWidth)
            {
                chain.Add(Inv($"scale={options.AnalysisWidth}:-2:flags=fast_bilinear"));
            }

            // Cuts must be found on the exact frame, so scdet sees every frame. Black and frozen ranges only need
            // their edges within 100 ms: they look at every n-th frame (at least 12 per second), which halves their
            // cost at 25 fps or more. Both branches share one decode through split.
            var everyFrame = new List<string>();
            if (f.Contains(MediaFeature.SceneChange))
            {
                everyFrame.Add(Inv($"scdet=threshold={options.SceneThreshold * 100:0.###}"));
            }

            var ranges = new List<string>();
            if (f.Contains(MediaFeature.BlackFrames))
            {
                // d=0: report every black run; the minimum length is applied when parsing so short chunks still work.
                ranges.Add(Inv($"blackdetect=d=0:pix_th={options.BlackPixelThreshold:0.###}:pic_th={options.BlackPictureRatio:0.###}"));
            }

            if (f.Contains(MediaFeature.FreezeFrames))
            {
                ranges.Add(Inv($"freezedetect=n={options.FreezeNoiseDb:0.#}dB:d={options.FreezeMinSeconds:0.###}"));
            }

            var analysedRate = request.ProcessingFrameRate is { IsValid: true } processing ? processing : layout.FrameRate;
            var step = RangeFrameStep(analysedRate);
            if (step > 1 && ranges.Count > 0)
            {
                ranges.Insert(0, Inv($"framestep={step}"));
            }

            var videoLog = $"metadata=mode=print:file={EscapeFilterPath(Path.Combine(work, "video.txt"))}";
            if (everyFrame.Count > 0 && step > 1 && ranges.Count > 0)
            {
                var rangeLog = $"metadata=mode=print:file={EscapeFilterPath(Path.Combine(work, "ranges.txt"))}";
                graph.Append(Inv($"[0:v:0]{string.Join(',', [.. chain, "split[vevery][vranges]"])};"));
                graph.Append(Inv($"[vranges]{string.Join(',', [.. ranges, rangeLog, "nullsink"])};"));
                graph.Append(Inv($"[vevery]{string.Join(',', [.. everyFrame, videoLog])}[vout]"));
            }
            else
            {
                graph.Append(Inv($"[0:v:0]{string.Join(',', [.. chain, .. everyFrame, .. ranges, videoLog])}[vout]"));
            }

            outputs.Add("vout");
        }

        for (var track = 1; track <= layout.AudioTracks; track++)
        {
            var chain = new List<string>();
            if (f.Contains(MediaFeature.Loudness))
            {
                // metadata=1 re-frames audio into 100 ms blocks carrying lavfi.r128.M (the 400 ms momentary loudness).
                chain.Add("ebur128=metadata=1");
            }

            if (f.Contains(MediaFeature.Silence))
            {
                chain.Add(Inv($"silencedetect=n={options.SilenceNoiseDb:0.#}dB:d={options.SilenceMinSeconds:0.###}"));
            }

            chain.Add($"ametadata=mode=print:file={EscapeFilterPath(Path.Combine(work, $"audio{track}.txt"))}");
            if (graph.Length > 0)
            {
                graph.Append(';');
            }

            graph.Append(Inv($"[0:a:{track - 1}]{string.Join(',', chain)}[aout{track}]"));
            outputs.Add($"aout{track}");
        }

        return graph.ToString();
    }

    /// <summary>Every how many analysed frames the range detectors look: the most that keeps at least 12 per second.</summary>
    internal static int RangeFrameStep(Rational? rate) =>
        rate is { IsValid: true } r ? Math.Max(1, (int)Math.Floor(r.Value / 12.0)) : 1;

    /// <summary>
    /// This analyzer's decodes running at once. Frame-threaded decoding buys a chunk's latency with about a third more
    /// CPU time (threads wait on each other); when several chunks decode side by side, as in a VOD event, the cores
    /// are better shared out between them than spent on that overhead.
    /// </summary>
    private int decodesRunning;

    private sealed class DecodeShare : IDisposable
    {
        private readonly MediaAnalyzer owner;
        private readonly int running;

        public DecodeShare(MediaAnalyzer owner)
        {
            this.owner = owner;
            running = Interlocked.Increment(ref owner.decodesRunning);
        }

        public string[] ThreadArguments(int configured) => DecodeThreadArguments(configured, running, Environment.ProcessorCount);

        public void Dispose() => Interlocked.Decrement(ref owner.decodesRunning);
    }

    /// <summary>
    /// FFmpeg's <c>-threads</c> for a decode: as configured (for analysis, else for every FFmpeg run), else FFmpeg's
    /// own choice when alone, else a share of the cores.
    /// </summary>
    internal static string[] DecodeThreadArguments(int configured, int running, int cores)
    {
        var threads = configured > 0 ? configured : running <= 1 ? 0 : Math.Max(1, cores / running);
        return threads == 0 ? [] : ["-threads", threads.ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// Slice threads for the detectors. They compete with the decoder's frame threads for the same cores: on this
    /// 2-core machine one filter thread was faster than the default of one per core. From 8 cores up they pay.
    /// </summary>
    private int FilterThreads() => options.FilterThreads > 0 ? options.FilterThreads : Math.Max(1, Environment.ProcessorCount / 4);

    private VideoAnalysis ParseVideo(IReadOnlyList<MetadataFrame> frames, IReadOnlySet<MediaFeature> features, EventTimeMapper map)
    {
        var scenes = new List<SceneChange>();
        var black = new RangeCollector(map);
        var freeze = new RangeCollector(map);
        foreach (var frame in frames)
        {
            // scdet scores every frame; lavfi.scd.time appears only when the score passes the threshold.
            if (frame.Values.ContainsKey("lavfi.scd.time") && frame.Number("lavfi.scd.score") is { } score)
            {
                var ms = map.ToEventMs(frame.PtsTime);
                if (map.Span.Contains(ms))
                {
                    scenes.Add(new SceneChange(ms, Math.Clamp(score / 100.0, 0, 1)));
                }
            }

            if (frame.Number("lavfi.black_start") is { } bs)
            {
                black.Start(bs);
            }

            if (frame.Number("lavfi.black_end") is { } be)
            {
                black.End(be);
            }

            if (frame.Number("lavfi.freezedetect.freeze_start") is { } fs)
            {
                freeze.Start(fs);
            }

            if (frame.Number("lavfi.freezedetect.freeze_end") is { } fe)
            {
                freeze.End(fe);
            }
        }

        return new VideoAnalysis(
            features.Contains(MediaFeature.SceneChange) ? scenes : [],
            features.Contains(MediaFeature.BlackFrames) ? black.Finish(options.BlackMinMs) : [],
            features.Contains(MediaFeature.FreezeFrames) ? freeze.Finish(0) : []);
    }

    private static AudioAnalysis ParseAudio(int track, IReadOnlyList<MetadataFrame> frames, IReadOnlySet<MediaFeature> features, EventTimeMapper map)
    {
        var silence = new RangeCollector(map);
        var loudness = new List<LoudnessSample>();
        foreach (var frame in frames)
        {
            if (frame.Number("lavfi.silence_start") is { } ss)
            {
                silence.Start(ss);
            }

            if (frame.Number("lavfi.silence_end") is { } se)
            {
                silence.End(se);
            }

            if (frame.Values.ContainsKey("lavfi.r128.M"))
            {
                // Digital silence makes ebur128 print nan/-inf; the meter's floor (-120 LUFS) says the same in a number.
                var m = frame.Number("lavfi.r128.M") ?? -120.0;
                // Stamped at the end of the 100 ms block, where its 400 ms momentary window closes.
                var ms = map.ToEventMs(frame.PtsTime + 0.1);
                if (ms >= map.Span.StartMs && ms <= map.Span.EndMs)
                {
                    loudness.Add(new LoudnessSample(ms, Math.Max(m, -120.0)));
                }
            }
        }

        return new AudioAnalysis(
            track,
            features.Contains(MediaFeature.Silence) ? silence.Finish(0) : [],
            features.Contains(MediaFeature.Loudness) ? loudness : []);
    }

    private static async Task<List<MetadataFrame>> ReadFramesAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? MetadataLogParser.Parse(await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false)) : [];

    /// <summary>Quotes a path for a filter option value: inside '...' only the quote itself needs care.</summary>
    internal static string EscapeFilterPath(string path)
    {
        // Two levels of parsing (graph, then option) each eat one level of escaping.
        var escaped = path.Replace("\\", "\\\\\\\\", StringComparison.Ordinal)
            .Replace("'", "\\\\\\'", StringComparison.Ordinal)
            .Replace(":", "\\\\:", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal);
        return escaped;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post, and could run after the run has returned).</summary>
    private sealed class InlineProgress(Action<FFmpegProgress> report) : IProgress<FFmpegProgress>
    {
        public void Report(FFmpegProgress value) => report(value);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Debug, Message = "Chunk {Chunk} analysed in {Ms:0} ms ({Scenes} scene changes)")]
    private static partial void LogAnalysed(ILogger logger, int chunk, double ms, int scenes);
}
