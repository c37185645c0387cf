using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ReplayWorkflows.Media.FFmpeg;

/// <summary>
/// Runs one FFmpeg-family process: arguments passed as a list (no shell quoting), stdout captured or parsed as
/// <c>-progress</c> key=value blocks, a bounded stderr tail, and cancellation that kills the whole process tree.
/// </summary>
internal static class FFmpegProcess
{
    public static Task<FFmpegResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        int stderrTailLines,
        IProgress<FFmpegProgress>? progress,
        bool background,
        CancellationToken cancellationToken) =>
        RunAsync(executable, arguments, stderrTailLines, progress, null, background, cancellationToken);

    /// <summary>
    /// As above, but when <paramref name="stdoutConsumer"/> is given it receives stdout as a raw stream (for example
    /// raw video frames from <c>-f rawvideo pipe:1</c>) instead of it being collected as text. A
    /// <paramref name="background"/> process runs at below-normal priority.
    /// </summary>
    public static async Task<FFmpegResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        int stderrTailLines,
        IProgress<FFmpegProgress>? progress,
        Func<Stream, CancellationToken, Task>? stdoutConsumer,
        bool background,
        CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new FFmpegException(FFmpegErrorKind.NotInstalled, $"cannot start {executable}: {ex.Message}", ex.Message);
        }

        if (background)
        {
            LowerPriority(process);
        }

        // ffmpeg reads stdin for interactive keys; closing it keeps a stray 'q' or EOF from changing anything.
        process.StandardInput.Close();

        var tail = new Queue<string>(stderrTailLines + 1);
        var stderrTask = Task.Run(
            async () =>
            {
                while (await process.StandardError.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
                {
                    lock (tail)
                    {
                        tail.Enqueue(line);
                        if (tail.Count > stderrTailLines)
                        {
                            tail.Dequeue();
                        }
                    }
                }
            },
            CancellationToken.None);
        var stdout = new StringBuilder();
        var stdoutTask = stdoutConsumer is null
            ? Task.Run(() => ReadStdoutAsync(process.StandardOutput, stdout, progress), CancellationToken.None)
            : Task.Run(() => ConsumeRawAsync(process, stdoutConsumer, cancellationToken), CancellationToken.None);

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await Task.WhenAll(stderrTask, stdoutTask).ConfigureAwait(false);
        string[] lines;
        lock (tail)
        {
            lines = [.. tail];
        }

        return new FFmpegResult(process.ExitCode, stdout.ToString(), lines, clock.Elapsed);
    }

    private static async Task ConsumeRawAsync(Process process, Func<Stream, CancellationToken, Task> consumer, CancellationToken cancellationToken)
    {
        try
        {
            await consumer(process.StandardOutput.BaseStream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A consumer that stops early must not leave ffmpeg blocked on a full pipe.
            await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }
    }

    private static async Task ReadStdoutAsync(StreamReader reader, StringBuilder all, IProgress<FFmpegProgress>? progress)
    {
        var outTime = TimeSpan.Zero;
        long frame = 0;
        double? speed = null;
        while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
        {
            if (progress is null)
            {
                all.AppendLine(line);
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq];
            var value = line[(eq + 1)..].Trim();
            switch (key)
            {
                // out_time_us is microseconds; out_time_ms is (despite its name) microseconds too.
                case "out_time_us" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0:
                    outTime = TimeSpan.FromTicks(us * 10);
                    break;
                case "frame" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f):
                    frame = f;
                    break;
                case "speed":
                    speed = double.TryParse(value.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
                    break;
                case "progress":
                    progress.Report(new FFmpegProgress(outTime, frame, speed, value == "end"));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Below-normal priority (nice 10 on Linux), set as soon as the process exists: the threads FFmpeg starts for its
    /// decoders and encoders come later and inherit it. Where the platform refuses, the process keeps normal priority.
    /// </summary>
    private static void LowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            // Best effort: priority only decides who waits when the machine is busy.
        }
    }
}
