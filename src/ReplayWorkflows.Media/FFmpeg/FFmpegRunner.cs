using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>
/// The one way the media layer runs FFmpeg and FFprobe: finds the executables, checks the version once, runs with
/// cancellation and progress, and turns failures into <see cref="FFmpegException"/> with FFmpeg's reason.
/// </summary>
public sealed partial class FFmpegRunner
{
    /// <summary>The one line users see when FFmpeg is missing or too old.</summary>
    public const string RequirementMessage = "FFmpeg 5 or later is required: apt-get install ffmpeg";

    private readonly FFmpegOptions options;
    private readonly ILogger logger;
    private readonly Lazy<Task<(string FFmpeg, string FFprobe, int Major)>> located;

    public FFmpegRunner(FFmpegOptions? options = null, ILogger<FFmpegRunner>? logger = null)
    {
        this.options = options ?? new FFmpegOptions();
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        located = new Lazy<Task<(string, string, int)>>(LocateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The default runner (PATH lookup), shared because the version check only needs to happen once.</summary>
    public static FFmpegRunner Default { get; } = new();

    /// <summary>The thread count every run is given (<see cref="FFmpegOptions.Threads"/>); 0 when FFmpeg decides.</summary>
    internal int FixedThreads => options.Threads;

    public FFmpegOptions Options => options;

    /// <summary>Checks that FFmpeg 5+ and FFprobe exist; throws <see cref="FFmpegException"/> (NotInstalled) otherwise.</summary>
    public async Task<int> EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        var (_, _, major) = await located.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return major;
    }

    /// <summary>
    /// Runs ffmpeg with <paramref name="arguments"/> (the runner adds <c>-hide_banner -nostdin</c> and, with a progress
    /// sink, <c>-progress pipe:1 -nostats</c>). A non-zero exit becomes an <see cref="FFmpegException"/>.
    /// <paramref name="background"/> runs it below normal priority, for long encodes that must not slow latency-bound
    /// work (analysis, clips) on the same machine.
    /// </summary>
    public async Task<FFmpegResult> RunFFmpegAsync(
        IReadOnlyList<string> arguments, IProgress<FFmpegProgress>? progress = null, bool background = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (ffmpeg, _, _) = await located.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<string> full = ["-hide_banner", "-nostdin"];
        if (progress is not null)
        {
            full.AddRange(["-progress", "pipe:1", "-nostats"]);
        }

        if (options.Threads > 0)
        {
            full.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);
        }

        full.AddRange(arguments);
        LogRun(logger, "ffmpeg", string.Join(' ', full));
        var result = await FFmpegProcess.RunAsync(ffmpeg, full, options.StderrTailLines, progress, background, cancellationToken).ConfigureAwait(false);
        ThrowOnFailure("ffmpeg", result);
        return result;
    }

    /// <summary>
    /// Runs ffmpeg and hands its stdout, as a raw stream, to <paramref name="stdoutConsumer"/> (for <c>pipe:1</c> outputs).
    /// </summary>
    public async Task<FFmpegResult> RunFFmpegStreamingAsync(
        IReadOnlyList<string> arguments, Func<Stream, CancellationToken, Task> stdoutConsumer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (ffmpeg, _, _) = await located.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<string> full = ["-hide_banner", "-nostdin", "-nostats", .. arguments];
        LogRun(logger, "ffmpeg", string.Join(' ', full));
        var result = await FFmpegProcess.RunAsync(ffmpeg, full, options.StderrTailLines, null, stdoutConsumer, background: false, cancellationToken).ConfigureAwait(false);
        ThrowOnFailure("ffmpeg", result);
        return result;
    }

    /// <summary>Runs ffprobe and returns its stdout; a non-zero exit becomes an <see cref="FFmpegException"/>.</summary>
    public async Task<string> RunFFprobeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (_, ffprobe, _) = await located.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<string> full = ["-hide_banner", .. arguments];
        LogRun(logger, "ffprobe", string.Join(' ', full));
        var result = await FFmpegProcess.RunAsync(ffprobe, full, options.StderrTailLines, null, background: false, cancellationToken).ConfigureAwait(false);
        ThrowOnFailure("ffprobe", result);
        return result.StdOut;
    }

    internal static void ThrowOnFailure(string tool, FFmpegResult result)
    {
        // FFmpeg 5.1 exits 0 when writing the trailer fails (a full disk), so those lines fail the run too.
        if (result.ExitCode == 0 && !result.StderrTail.Any(l => l.Contains("No space left on device", StringComparison.Ordinal)
            || l.StartsWith("Error writing trailer", StringComparison.Ordinal)))
        {
            return;
        }

        var kind = FFmpegErrorClassifier.Classify(result.StderrTail);
        var reason = FFmpegErrorClassifier.Reason(result.StderrTail);
        throw new FFmpegException(kind, $"{tool} failed ({kind}, exit {result.ExitCode}): {reason}", reason, result.ExitCode);
    }

    /// <summary>Parses the major version from <c>ffmpeg -version</c>'s first line; git builds ("N-12345-g...") count as new.</summary>
    internal static int? ParseMajorVersion(string versionOutput)
    {
        var match = VersionPattern().Match(versionOutput);
        if (!match.Success)
        {
            return null;
        }

        var token = match.Groups[1].Value;
        if (token.StartsWith('N'))
        {
            return int.MaxValue;
        }

        var digits = DigitsPattern().Match(token);
        return digits.Success ? int.Parse(digits.Value, CultureInfo.InvariantCulture) : null;
    }

    internal static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task<(string, string, int)> LocateAsync()
    {
        var ffmpeg = options.FFmpegPath ?? FindOnPath("ffmpeg");
        if (ffmpeg is null || !File.Exists(ffmpeg))
        {
            throw new FFmpegException(FFmpegErrorKind.NotInstalled, RequirementMessage, $"ffmpeg not found ({ffmpeg ?? "PATH"})");
        }

        var sibling = Path.Combine(Path.GetDirectoryName(ffmpeg) ?? string.Empty, "ffprobe");
        var ffprobe = options.FFprobePath ?? (File.Exists(sibling) ? sibling : FindOnPath("ffprobe"));
        if (ffprobe is null || !File.Exists(ffprobe))
        {
            throw new FFmpegException(FFmpegErrorKind.NotInstalled, RequirementMessage, $"ffprobe not found ({ffprobe ?? "PATH"})");
        }

        var result = await FFmpegProcess.RunAsync(ffmpeg, ["-hide_banner", "-version"], 5, null, background: false, CancellationToken.None).ConfigureAwait(false);
        var major = ParseMajorVersion(result.StdOut);
        if (result.ExitCode != 0 || major is null or < 5)
        {
            throw new FFmpegException(FFmpegErrorKind.NotInstalled, RequirementMessage, $"found {ffmpeg}: {result.StdOut.Split('\n')[0]}");
        }

        LogFound(logger, ffmpeg, major.Value);
        return (ffmpeg, ffprobe, major.Value);
    }

    [GeneratedRegex(@"version\s+(\S+)")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "{Tool} {Arguments}")]
    private static partial void LogRun(ILogger logger, string tool, string arguments);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Using {Path} (FFmpeg {Major})")]
    private static partial void LogFound(ILogger logger, string path, int major);
}
