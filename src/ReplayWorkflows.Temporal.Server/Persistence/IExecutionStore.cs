using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Namespaces;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>Durable storage of runs and namespaces. Every commit is one transaction.</summary>
internal interface IExecutionStore : IDisposable
{
    IReadOnlyList<StoredRun> LoadRuns();

    IReadOnlyList<NamespaceRecord> LoadNamespaces();

    void SaveNamespace(NamespaceRecord record);

    /// <summary>Writes the new events, buffered events and transient state of every changed run atomically.</summary>
    void Commit(IReadOnlyCollection<MutableState> changed);
}
