using System.Collections.Concurrent;

namespace ReplayWorkflows.Temporal.Server.Matching;

/// <summary>All task queues of the server, created on first use.</summary>
internal sealed class TaskQueueManager
{
    private readonly ConcurrentDictionary<(string Namespace, string Name, QueueType Type), MatchingQueue> queues = new();

    public MatchingQueue Get(string ns, string name, QueueType type) =>
        queues.GetOrAdd((ns, name, type), static _ => new MatchingQueue());

    public void Add(string ns, string name, QueueType type, MatchingTask task) => Get(ns, name, type).Add(task);

    public bool Exists(string ns, string name, QueueType type) => queues.ContainsKey((ns, name, type));
}
