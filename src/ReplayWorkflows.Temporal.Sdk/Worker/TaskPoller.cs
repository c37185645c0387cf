using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Temporalio.Exceptions;

namespace Temporalio.Worker;

/// <summary>
/// The poll loop shared by the activity and workflow workers: a free slot first, then a long poll, the task handed
/// off on the thread pool; failed polls back off exponentially (capped at 10 s) so a restarted server is picked up.
/// </summary>
internal sealed partial class TaskPoller<TTask>(
    string description,
    int pollers,
    int maxConcurrent,
    Func<CancellationToken, Task<TTask>> poll,
    Func<TTask, bool> isEmpty,
    Func<TTask, Task> handle,
    ILogger logger)
{
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private readonly SemaphoreSlim slots = new(maxConcurrent);

    /// <summary>Tasks being handled right now.</summary>
    public ICollection<Task> Running => running.Keys;

    public Task RunAsync(CancellationToken stopPolling) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, pollers)).Select(_ => LoopAsync(stopPolling)));

    private async Task LoopAsync(CancellationToken stopPolling)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stopPolling.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopPolling).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            TTask task;
            try
            {
                task = await poll(stopPolling).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception ex) when (ex is RpcException or RpcTimeoutOrCanceledException or OperationCanceledException)
            {
                slots.Release();
                if (stopPolling.IsCancellationRequested)
                {
                    return;
                }

                LogPollFailed(logger, ex, description, backoff);
                try
                {
                    await Task.Delay(backoff, stopPolling).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
                continue;
            }

            if (isEmpty(task))
            {
                slots.Release();
                continue;
            }

            var work = Task.Run(() => handle(task), CancellationToken.None);
            running[work] = 0;
            _ = work.ContinueWith(t => { running.TryRemove(t, out _); slots.Release(); }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Polling {Description} failed; retrying in {Backoff}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string description, TimeSpan backoff);
}
