using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>
/// For plugins that need pixels: decodes a chunk once at the processing frame rate and small size and yields raw
/// frames in event time. The pipeline shares one sampling among all such plugins of a profile.
/// </summary>
public sealed class FrameSampler(FFmpegRunner runner)
{
    private readonly MediaProber prober = new(runner);

    public FrameSampler()
        : this(FFmpegRunner.Default)
    {
    }

    public async IAsyncEnumerable<VideoFrame> SampleAsync(
        string path,
        long startMs,
        Rational frameRate,
        int width,
        FramePixelFormat format = FramePixelFormat.Gray8,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        var info = await prober.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        var video = info.Video ?? throw new FFmpegException(FFmpegErrorKind.CorruptData, $"{path} has no video to sample", "no video stream");
        var height = (int)Math.Round((video.Height ?? width) * (double)width / (video.Width ?? width) / 2) * 2;
        var bytesPerPixel = format == FramePixelFormat.Gray8 ? 1 : 3;
        var frameBytes = width * height * bytesPerPixel;
        var channel = Channel.CreateBounded<VideoFrame>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(
            async () =>
            {
                try
                {
                    await runner.RunFFmpegStreamingAsync(
                        [
                            "-v", "error", "-i", path, "-map", "0:v:0",
                            "-vf", $"fps={frameRate},scale={width}:{height}:flags=area,format={(format == FramePixelFormat.Gray8 ? "gray" : "rgb24")}",
                            "-f", "rawvideo", "pipe:1",
                        ],
                        async (stdout, ct) =>
                        {
                            for (long n = 0; ; n++)
                            {
                                var buffer = new byte[frameBytes];
                                var read = await stdout.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                                if (read < frameBytes)
                                {
                                    return;
                                }

                                // The fps filter emits frame n at n / rate from the first frame: the chunk's own time origin.
                                await channel.Writer.WriteAsync(new VideoFrame(startMs + frameRate.FrameToMs(n), width, height, format, buffer), ct).ConfigureAwait(false);
                            }
                        },
                        stop.Token).ConfigureAwait(false);
                    channel.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    channel.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var frame in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return frame;
            }
        }
        finally
        {
            // Stopping early (or being cancelled) ends the ffmpeg run rather than leaving it decoding.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
