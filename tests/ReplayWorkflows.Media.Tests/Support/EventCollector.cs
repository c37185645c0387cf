using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Media.Tests.Support;

/// <summary>Consumes a chunk source in the background so a test can act and then wait for the events it expects.</summary>
public sealed class EventCollector : IAsyncDisposable
{
    private readonly List<ChunkSourceEvent> events = [];
    private readonly CancellationTokenSource cts = new();
    private readonly Task pump;

    public EventCollector(IChunkSource source, long afterNumber = -1)
    {
        pump = Task.Run(async () =>
        {
            await foreach (var e in source.WatchAsync(afterNumber, cts.Token))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
    }

    public IReadOnlyList<ChunkSourceEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    public List<ChunkFound> Found => [.. Events.OfType<ChunkFound>()];

    /// <summary>Waits until the source has reported <paramref name="count"/> chunks (or fails with what it did report).</summary>
    public Task WaitForChunksAsync(int count) =>
        Eventually.TrueAsync(() => Found.Count >= count || pump.IsFaulted, TimeSpan.FromSeconds(30), $"{count} chunks (have {Found.Count}: {Describe()})")
            .ContinueWith(t => { ThrowIfFaulted(); t.GetAwaiter().GetResult(); }, TaskScheduler.Default);

    public async Task WaitForEndAsync()
    {
        await pump.WaitAsync(TimeSpan.FromSeconds(30));
        Events[^1].ShouldBeOfType<SourceEnded>();
    }

    public string Describe() => string.Join(", ", Events.Select(e => e.GetType().Name + (e is ChunkFound f ? $"#{f.Number}" : e is ChunkGap g ? $"[{g.FirstMissing}-{g.LastMissing}]" : string.Empty)));

    public async ValueTask DisposeAsync()
    {
        await cts.CancelAsync();
        try
        {
            await pump;
        }
        catch (OperationCanceledException)
        {
        }

        cts.Dispose();
    }

    private void ThrowIfFaulted()
    {
        if (pump.IsFaulted)
        {
            pump.GetAwaiter().GetResult();
        }
    }
}
