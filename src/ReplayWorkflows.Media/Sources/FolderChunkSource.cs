using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// Watches a folder for chunk files named <c>..._N.ts</c> and reports each once, in number order. Polling is the
/// truth (it behaves the same on network mounts and never misses events under load); a FileSystemWatcher only wakes
/// the poll early, so a live chunk is seen as soon as it lands instead of up to a poll interval later. A file renamed
/// to its chunk name inside the folder (written under a temporary name, then renamed: the usual atomic publish) is
/// complete when it appears, so it skips the settle time that a file written in place must wait out.
/// </summary>
public sealed class FolderChunkSource(FolderSourceOptions options) : IChunkSource
{
    public async IAsyncEnumerable<ChunkSourceEvent> WatchAsync(long afterNumber = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Directory);
        var sequence = new ChunkSequence(afterNumber);
        var sizes = new Dictionary<string, (long Size, long SinceTicks)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var wake = new SemaphoreSlim(0);
        var published = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        using var watcher = TryWatch(options.Directory, wake, published);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ended = options.EndMarker is { } marker && File.Exists(Path.Combine(options.Directory, marker));
            var files = System.IO.Directory.Exists(options.Directory)
                ? System.IO.Directory.GetFiles(options.Directory, options.Pattern)
                    .Select(p => (Path: p, Number: ChunkNaming.TryParseNumber(p)))
                    .Where(c => c.Number > sequence.Last)
                    .OrderBy(c => c.Number)
                    .ToList()
                : [];

            for (var i = 0; i < files.Count; i++)
            {
                var (path, number) = files[i];
                var newest = i == files.Count - 1;
                if (newest && !ended && !Settled(path))
                {
                    break;
                }

                if (sequence.TryAdvance(number!.Value, out var gap))
                {
                    if (gap is not null)
                    {
                        yield return gap;
                    }

                    yield return new ChunkFound(number.Value, path);
                }

                // Reported (or passed over): never looked at again, so a long watch keeps no state per chunk.
                sizes.Remove(path);
                published.TryRemove(path, out _);
            }

            if (ended)
            {
                yield return new SourceEnded();
                yield break;
            }

            // A settling file is looked at again after its settle time even without a change notification.
            var wait = files.Count > 0 && options.SettleTime > TimeSpan.Zero && options.SettleTime < options.PollInterval ? options.SettleTime : options.PollInterval;
            _ = await wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            while (wake.CurrentCount > 0)
            {
                // Notifications come in bursts (create, then writes); one poll answers them all.
                _ = await wake.WaitAsync(0, cancellationToken).ConfigureAwait(false);
            }
        }

        bool Settled(string path)
        {
            long size;
            try
            {
                size = new FileInfo(path).Length;
            }
            catch (IOException)
            {
                return false;
            }

            if (published.ContainsKey(path))
            {
                return size > 0;
            }

            var now = clock.Elapsed.Ticks;
            if (!sizes.TryGetValue(path, out var seen) || seen.Size != size)
            {
                sizes[path] = (size, now);
                return options.SettleTime <= TimeSpan.Zero && size > 0;
            }

            return size > 0 && now - seen.SinceTicks >= options.SettleTime.Ticks;
        }
    }

    private static FileSystemWatcher? TryWatch(string directory, SemaphoreSlim wake, ConcurrentDictionary<string, bool> published)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite };
            void Wake(object sender, FileSystemEventArgs e)
            {
                try
                {
                    wake.Release();
                }
                catch (ObjectDisposedException)
                {
                    // A late notification after the watch ended.
                }
            }

            watcher.Created += Wake;
            watcher.Changed += Wake;
            watcher.Renamed += (sender, e) =>
            {
                published[e.FullPath] = true;
                Wake(sender, e);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // No notifications here (inotify limits, some network mounts): polling alone still finds every chunk.
            return null;
        }
    }
}
