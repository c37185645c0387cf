using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Temporal.Server.Timers;

/// <summary>
/// In-process timer wheel: callbacks run on one background loop when due. Durability comes from history and
/// mutable state (timers are re-armed from them on start), not from this queue.
/// </summary>
internal sealed partial class TimerQueue : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly PriorityQueue<Action, DateTimeOffset> queue = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stop = new();
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Task loop;

    public TimerQueue(TimeProvider clock, ILogger logger)
    {
        this.clock = clock;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public void Schedule(DateTimeOffset due, Action callback)
    {
        lock (gate)
        {
            queue.Enqueue(callback, due);
        }

        wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        stop.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync()
    {
        var due = new List<Action>();
        while (!stop.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(1);
            lock (gate)
            {
                var now = clock.GetUtcNow();
                while (queue.TryPeek(out var callback, out var at))
                {
                    if (at > now)
                    {
                        wait = at - now < wait ? at - now : wait;
                        break;
                    }

                    queue.Dequeue();
                    due.Add(callback);
                }
            }

            foreach (var callback in due)
            {
                try
                {
                    callback();
                }
#pragma warning disable CA1031 // One failing timer must not stop the others; it is logged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogTimerFailed(logger, ex);
                }
            }

            if (due.Count > 0)
            {
                due.Clear();
                continue;
            }

            await wake.WaitAsync(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, stop.Token).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A timer callback failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception);
}
