using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Sources;

namespace ReplayWorkflows.Media.Generation;

/// <summary>
/// Generates a synthetic match (H.264/AAC MP4 plus MediaLive-style HLS chunks <c>match_N.ts</c>) with its
/// <see cref="GroundTruth"/>. Used by tests, the CLI demo and benchmarks; <see cref="EnsureAsync"/> caches by spec.
/// </summary>
public sealed partial class MatchGenerator(FFmpegRunner runner, ILogger<MatchGenerator>? logger = null)
{
    public const string Mp4Name = "match.mp4";
    public const string HlsFolder = "hls";
    public const string PlaylistName = "match.m3u8";
    public const string ChunkPrefix = "match_";

    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public MatchGenerator()
        : this(FFmpegRunner.Default)
    {
    }

    /// <summary>
    /// Returns the match for <paramref name="spec"/> from <c>cacheRoot/&lt;spec.CacheKey&gt;</c>, generating it first when
    /// absent. Generation happens in a temporary folder that is renamed into place, so parallel callers (even in other
    /// processes) never see half-written media.
    /// </summary>
    public async Task<GeneratedMatch> EnsureAsync(MatchSpec spec, string cacheRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var target = Path.Combine(cacheRoot, spec.CacheKey);
        if (File.Exists(Path.Combine(target, GroundTruth.FileName)))
        {
            return await LoadAsync(target, cancellationToken).ConfigureAwait(false);
        }

        var temp = Path.Combine(cacheRoot, $"{spec.CacheKey}.tmp-{Guid.NewGuid():N}");
        try
        {
            await GenerateAsync(spec, temp, cancellationToken).ConfigureAwait(false);
            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (File.Exists(Path.Combine(target, GroundTruth.FileName)))
            {
                // Another caller finished first; theirs is identical.
            }
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return await LoadAsync(target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Generates the match into <paramref name="directory"/> (created if needed).</summary>
    public async Task<GeneratedMatch> GenerateAsync(MatchSpec spec, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = new MatchPlan(spec);
        Directory.CreateDirectory(directory);
        var hls = Directory.CreateDirectory(Path.Combine(directory, HlsFolder)).FullName;
        var graphFile = Path.Combine(directory, "graph.txt");
        await File.WriteAllTextAsync(graphFile, plan.FilterGraph(), cancellationToken).ConfigureAwait(false);
        var mp4 = Path.Combine(directory, Mp4Name);
        var gop = spec.GopFrames.ToString(CultureInfo.InvariantCulture);
        LogGenerating(log, spec.ToString(), directory);
        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-filter_complex_script", graphFile, "-map", "[v]", "-map", "[a]",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high", "-pix_fmt", "yuv420p",
                // A fixed, closed GOP keeps key frames on a known grid, so HLS chunks start on key frames.
                "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-flags", "+cgop",
                "-r", spec.FrameRate.ToString(),
                "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
                "-movflags", "+faststart", mp4,
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        File.Delete(graphFile);

        await runner.RunFFmpegAsync(
            [
                "-v", "error", "-y", "-i", mp4, "-map", "0", "-c", "copy",
                "-f", "hls", "-hls_time", spec.ChunkSeconds.ToString(CultureInfo.InvariantCulture),
                "-hls_playlist_type", "vod", "-hls_flags", "independent_segments", "-start_number", "1",
                "-hls_segment_filename", Path.Combine(hls, ChunkPrefix + "%d.ts"),
                Path.Combine(hls, PlaylistName),
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        await File.WriteAllTextAsync(Path.Combine(directory, GroundTruth.FileName), plan.Truth().ToJson(), cancellationToken).ConfigureAwait(false);
        return await LoadAsync(directory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a previously generated match from its folder.</summary>
    public static async Task<GeneratedMatch> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var truth = GroundTruth.FromJson(await File.ReadAllTextAsync(Path.Combine(directory, GroundTruth.FileName), cancellationToken).ConfigureAwait(false));
        var hls = Path.Combine(directory, HlsFolder);
        var chunks = Directory.GetFiles(hls, ChunkPrefix + "*.ts")
            .Select(p => (Path: p, Number: ChunkNaming.TryParseNumber(p)))
            .Where(c => c.Number is not null)
            .OrderBy(c => c.Number)
            .Select(c => c.Path)
            .ToList();
        return new GeneratedMatch(directory, Path.Combine(directory, Mp4Name), Path.Combine(hls, PlaylistName), chunks, truth);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Generating match {Spec} into {Directory}")]
    private static partial void LogGenerating(ILogger logger, string spec, string directory);
}
