using System.Collections.Concurrent;
using ReplayWorkflows.Media.FFmpeg;
using ReplayWorkflows.Media.Tests.Support;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.FFmpeg;

public sealed class FFmpegRunnerTests
{
    [Theory]
    [InlineData("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026", 5)]
    [InlineData("ffmpeg version n6.1.1 Copyright", 6)]
    [InlineData("ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright", 4)]
    [InlineData("ffmpeg version N-112233-gabcdef Copyright", int.MaxValue)]
    public void Major_version_is_read_from_the_version_banner(string banner, int expected) =>
        FFmpegRunner.ParseMajorVersion(banner).ShouldBe(expected);

    [Fact]
    public async Task Installed_ffmpeg_is_version_5_or_later()
    {
        (await FFmpegRunner.Default.EnsureAvailableAsync()).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task A_missing_executable_fails_with_the_one_line_requirement()
    {
        using var dir = new TempDir();
        var runner = new FFmpegRunner(new FFmpegOptions { FFmpegPath = dir.File("ffmpeg") });
        var ex = await Should.ThrowAsync<FFmpegException>(() => runner.RunFFmpegAsync(["-version"]));
        ex.Kind.ShouldBe(FFmpegErrorKind.NotInstalled);
        ex.Message.ShouldBe(FFmpegRunner.RequirementMessage);
    }

    [Fact]
    public async Task A_too_old_ffmpeg_fails_with_the_one_line_requirement()
    {
        using var dir = new TempDir();
        var runner = await FakeFFmpegAsync(dir, "echo 'ffmpeg version 4.2.7 Copyright'");
        var ex = await Should.ThrowAsync<FFmpegException>(() => runner.EnsureAvailableAsync());
        ex.Message.ShouldBe(FFmpegRunner.RequirementMessage);
        ex.Reason.ShouldContain("4.2.7");
    }

    [Fact]
    public async Task A_background_run_is_niced_below_normal_and_a_normal_run_is_not()
    {
        // A stand-in ffmpeg that answers the version check, then prints its own nice value (field 19 of its stat).
        using var dir = new TempDir();
        var runner = await FakeFFmpegAsync(dir, "case \"$*\" in *-version*) echo 'ffmpeg version 6.0 Copyright'; exit 0;; esac\nsleep 0.3\ncut -d' ' -f19 /proc/$$/stat");
        var normal = int.Parse((await runner.RunFFmpegAsync(["-i", "x"])).StdOut.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var background = int.Parse((await runner.RunFFmpegAsync(["-i", "x"], background: true)).StdOut.Trim(), System.Globalization.CultureInfo.InvariantCulture);

        background.ShouldBeGreaterThan(normal);
    }

    [Fact]
    public async Task A_missing_input_is_a_missing_input_error()
    {
        var ex = await Should.ThrowAsync<FFmpegException>(() =>
            FFmpegRunner.Default.RunFFmpegAsync(["-v", "error", "-i", "/nonexistent/chunk_1.ts", "-f", "null", "-"]));
        ex.Kind.ShouldBe(FFmpegErrorKind.MissingInput);
        ex.Reason.ShouldContain("No such file or directory");
    }

    [Fact]
    public async Task Garbage_input_is_a_corrupt_data_error_with_ffmpegs_reason()
    {
        using var dir = new TempDir();
        var garbage = dir.File("garbage_3.ts");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
        var ex = await Should.ThrowAsync<FFmpegException>(() =>
            FFmpegRunner.Default.RunFFmpegAsync(["-v", "error", "-i", garbage, "-f", "null", "-"]));
        ex.Kind.ShouldBe(FFmpegErrorKind.CorruptData);
        ex.Reason.ShouldContain("Invalid data found when processing input");
    }

    [Fact]
    public async Task An_unknown_encoder_is_an_unsupported_codec_error()
    {
        var ex = await Should.ThrowAsync<FFmpegException>(() => FFmpegRunner.Default.RunFFmpegAsync(
            ["-v", "error", "-f", "lavfi", "-i", "testsrc=d=1", "-c:v", "no_such_codec_x", "-f", "null", "-"]));
        ex.Kind.ShouldBe(FFmpegErrorKind.UnsupportedCodec);
    }

    [Fact]
    public async Task Writing_to_a_full_device_is_a_disk_full_error()
    {
        var ex = await Should.ThrowAsync<FFmpegException>(() => FFmpegRunner.Default.RunFFmpegAsync(
            ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=d=2:s=640x360", "-c:v", "mpeg2video", "-f", "mpegts", "/dev/full"]));
        ex.Kind.ShouldBe(FFmpegErrorKind.DiskFull);
    }

    [Fact]
    public async Task Progress_reports_advancing_output_time_and_ends_with_done()
    {
        var reports = new ConcurrentQueue<FFmpegProgress>();
        var progress = new SynchronousProgress<FFmpegProgress>(reports.Enqueue);
        await FFmpegRunner.Default.RunFFmpegAsync(["-v", "error", "-f", "lavfi", "-i", "testsrc=d=3:s=320x240:r=25", "-f", "null", "-"], progress);
        reports.ShouldNotBeEmpty();
        var last = reports.Last();
        last.Done.ShouldBeTrue();
        last.Frame.ShouldBe(75);
        last.OutTime.TotalSeconds.ShouldBe(3.0, 0.05);
    }

    [Fact]
    public async Task Cancellation_kills_the_running_process()
    {
        var marker = $"rw-cancel-{Guid.NewGuid():N}";
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var progress = new SynchronousProgress<FFmpegProgress>(_ => started.TrySetResult());

        // -readrate 1 makes an endless source run in real time, so it is surely still running when cancelled.
        var run = FFmpegRunner.Default.RunFFmpegAsync(
            ["-v", "error", "-readrate", "1", "-f", "lavfi", "-i", "testsrc=s=160x120:r=10", "-f", "mpegts", "-y", dir.File(marker + ".ts")], progress, cancellationToken: cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        RunningWithArgument(marker).ShouldBeTrue("ffmpeg should be running before cancellation");
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => run);
        await Eventually.TrueAsync(() => !RunningWithArgument(marker), TimeSpan.FromSeconds(10), "ffmpeg process gone");
    }

    private static bool RunningWithArgument(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(d =>
        {
            try
            {
                return Path.GetFileName(d).All(char.IsDigit) && File.ReadAllText(Path.Combine(d, "cmdline")).Contains(marker, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the tests want reports in order and before the run completes.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>A runner whose ffmpeg is a shell script with <paramref name="body"/>.</summary>
    private static async Task<FFmpegRunner> FakeFFmpegAsync(TempDir dir, string body)
    {
        var fake = dir.File("ffmpeg");
        await File.WriteAllTextAsync(fake, $"#!/bin/sh\n{body}\n");

        // The media layer targets Linux hosts (Debian's ffmpeg); the guard keeps the platform analyzer honest.
        Assert.False(OperatingSystem.IsWindows());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        return new FFmpegRunner(new FFmpegOptions { FFmpegPath = fake, FFprobePath = "/usr/bin/ffprobe" });
    }
}
