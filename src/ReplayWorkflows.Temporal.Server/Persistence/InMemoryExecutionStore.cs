using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Namespaces;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>The store without <c>--db-filename</c>: the engine's memory is the only copy, gone on exit.</summary>
internal sealed class InMemoryExecutionStore : IExecutionStore
{
    public IReadOnlyList<StoredRun> LoadRuns() => [];

    public IReadOnlyList<NamespaceRecord> LoadNamespaces() => [];

    public void SaveNamespace(NamespaceRecord record)
    {
    }

    public void Commit(IReadOnlyCollection<MutableState> changed)
    {
        foreach (var run in changed)
        {
            run.PersistedEventCount = run.Events.Count;
        }
    }

    public void Dispose()
    {
    }
}
