namespace ReplayWorkflows.Temporal.Server.Matching;

/// <summary>
/// One task queue: a FIFO backlog and the pollers waiting on it. A new task goes straight to a waiting poller
/// (sync match) or to the backlog; a poll takes from the backlog or waits.
/// </summary>
internal sealed class MatchingQueue
{
    private readonly object gate = new();
    private readonly LinkedList<MatchingTask> backlog = new();
    private readonly LinkedList<TaskCompletionSource<MatchingTask>> waiters = new();
    private readonly Dictionary<string, PollerInfo> pollers = new(StringComparer.Ordinal);

    public int BacklogCount
    {
        get
        {
            lock (gate)
            {
                return backlog.Count;
            }
        }
    }

    public void Add(MatchingTask task)
    {
        lock (gate)
        {
            while (waiters.First is { } first)
            {
                waiters.RemoveFirst();
                if (first.Value.TrySetResult(task))
                {
                    return;
                }
            }

            backlog.AddLast(task);
        }
    }

    /// <summary>Returns a task, or null when <paramref name="wait"/> passes without one.</summary>
    public async Task<MatchingTask?> PollAsync(string identity, DateTimeOffset now, TimeSpan wait, CancellationToken cancellationToken)
    {
        TaskCompletionSource<MatchingTask> waiter;
        LinkedListNode<TaskCompletionSource<MatchingTask>> node;
        lock (gate)
        {
            pollers[identity] = new PollerInfo(identity, now);
            if (backlog.First is { } first)
            {
                backlog.RemoveFirst();
                return first.Value;
            }

            waiter = new TaskCompletionSource<MatchingTask>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = waiters.AddLast(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (gate)
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }
            }

            // The task may have been handed over just as the wait ended: never lose it.
            if (waiter.Task.IsCompletedSuccessfully)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Requeue(waiter.Task.Result);
                    throw;
                }

                return waiter.Task.Result;
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            return null;
        }
    }

    /// <summary>Puts a task back at the head of the queue (its poller went away).</summary>
    public void Requeue(MatchingTask task)
    {
        lock (gate)
        {
            while (waiters.First is { } first)
            {
                waiters.RemoveFirst();
                if (first.Value.TrySetResult(task))
                {
                    return;
                }
            }

            backlog.AddFirst(task);
        }
    }

    public IReadOnlyList<PollerInfo> Pollers(DateTimeOffset since)
    {
        lock (gate)
        {
            return pollers.Values.Where(p => p.LastAccessTime >= since).ToList();
        }
    }

    public void Forget(string identity)
    {
        lock (gate)
        {
            pollers.Remove(identity);
        }
    }

    /// <summary>Takes every queued task (used when a sticky queue's worker shuts down).</summary>
    public IReadOnlyList<MatchingTask> Drain()
    {
        lock (gate)
        {
            var all = backlog.ToList();
            backlog.Clear();
            return all;
        }
    }
}
