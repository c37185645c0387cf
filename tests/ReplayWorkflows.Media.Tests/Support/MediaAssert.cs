using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>Checks every produced output the same way: ffprobe (streams, duration) and a full error-free decode.</summary>
public static class MediaAssert
{
    public static async Task<MediaInfo> PlayableAsync(string path, double expectedSeconds, double toleranceSeconds, bool expectAudio = true)
    {
        var info = await new MediaProber().ProbeAsync(path);
        info.Video.ShouldNotBeNull($"{path} has no video stream");
        if (expectAudio)
        {
            info.AudioTracks.Count.ShouldBeGreaterThan(0, $"{path} has no audio stream");
        }

        var video = await VideoDurationAsync(path);
        Math.Abs(video - expectedSeconds).ShouldBeLessThanOrEqualTo(toleranceSeconds, $"{path}: video lasts {video:0.###} s, plan {expectedSeconds:0.###} s");
        await DecodesCleanlyAsync(path);
        return info;
    }

    /// <summary><c>ffmpeg -v error -i OUT -f null -</c> must print nothing and exit 0.</summary>
    public static async Task DecodesCleanlyAsync(string path)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-i", path, "-f", "null", "-"], timeout: TimeSpan.FromMinutes(3));
        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.Trim().ShouldBeEmpty($"decoding {path} reported errors");
    }

    /// <summary>The video duration from its frames (count x frame duration), not container metadata that may round.</summary>
    public static async Task<double> VideoDurationAsync(string path)
    {
        var result = await ProcessRunner.RunAsync("ffprobe",
            ["-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets,avg_frame_rate,r_frame_rate", "-of", "default=nw=1", path]);
        result.ExitCode.ShouldBe(0, result.StdErr);
        var fields = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]); // MPEG-TS lists the stream again under its program
        var packets = long.Parse(fields["nb_read_packets"], System.Globalization.CultureInfo.InvariantCulture);
        var rate = Rational.Parse(fields["r_frame_rate"]);
        return packets / rate.Value;
    }
}
