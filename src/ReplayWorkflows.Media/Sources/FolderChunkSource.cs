using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ReplayWorkflows.Media.Sources;

/// <summary>
/// Watches a folder for chunk files named <c>..._N.ts</c> and reports each once, in number order. Polling, not
/// FileSystemWatcher: it behaves the same on network mounts and never misses events under load.
/// </summary>
public sealed class FolderChunkSource(FolderSourceOptions options) : IChunkSource
{
    public async IAsyncEnumerable<ChunkSourceEvent> WatchAsync(long afterNumber = -1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Directory);
        var sequence = new ChunkSequence(afterNumber);
        var sizes = new Dictionary<string, (long Size, long SinceTicks)>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
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
            }

            if (ended)
            {
                yield return new SourceEnded();
                yield break;
            }

            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
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

            var now = clock.Elapsed.Ticks;
            if (!sizes.TryGetValue(path, out var seen) || seen.Size != size)
            {
                sizes[path] = (size, now);
                return options.SettleTime <= TimeSpan.Zero && size > 0;
            }

            return size > 0 && now - seen.SinceTicks >= options.SettleTime.Ticks;
        }
    }
}
