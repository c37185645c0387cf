namespace ReplayWorkflows.Cli.Demo;

/// <summary>
/// Plays recorded chunks into a folder as a live encoder would: one chunk per chunk duration (divided by the speed),
/// each written under a temporary name and renamed so a watcher never sees half a file, then the end marker.
/// </summary>
internal static class LiveFeed
{
    public static async Task RunAsync(IReadOnlyList<string> chunks, string folder, TimeSpan chunkDuration, double speed, string endMarker, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var pace = TimeSpan.FromTicks((long)(chunkDuration.Ticks / Math.Max(0.01, speed)));
        foreach (var chunk in chunks)
        {
            var target = Path.Combine(folder, Path.GetFileName(chunk));
            File.Copy(chunk, target + ".part", overwrite: true);
            File.Move(target + ".part", target, overwrite: true);
            await Task.Delay(pace, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, endMarker), "", cancellationToken).ConfigureAwait(false);
    }
}
