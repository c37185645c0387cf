using System.Collections.Concurrent;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Persistence;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.ErrorDetails.V1;

namespace ReplayWorkflows.Temporal.Server.Namespaces;

/// <summary>The namespaces this server knows; <c>default</c> always exists.</summary>
internal sealed class NamespaceRegistry
{
    public const string DefaultNamespace = "default";

    private readonly ConcurrentDictionary<string, NamespaceRecord> namespaces = new(StringComparer.Ordinal);
    private readonly IExecutionStore store;

    public NamespaceRegistry(IExecutionStore store)
    {
        this.store = store;
        foreach (var record in store.LoadNamespaces())
        {
            namespaces[record.Name] = record;
        }
    }

    public IReadOnlyList<NamespaceRecord> All => namespaces.Values.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();

    /// <summary>Adds the namespace if it does not exist (start-up namespaces).</summary>
    public NamespaceRecord Ensure(string name) =>
        namespaces.TryGetValue(name, out var existing) ? existing : Register(name, string.Empty, string.Empty, TimeSpan.FromDays(1), new Dictionary<string, string>());

    public NamespaceRecord Register(string name, string description, string ownerEmail, TimeSpan retention, IReadOnlyDictionary<string, string> data)
    {
        var record = new NamespaceRecord(name, Guid.NewGuid().ToString(), description, ownerEmail, retention, data,
            new Dictionary<string, IndexedValueType>(StringComparer.Ordinal));
        if (!namespaces.TryAdd(name, record))
        {
            throw new GrpcException(GrpcStatusCode.AlreadyExists, "Namespace already exists.", new NamespaceAlreadyExistsFailure());
        }

        store.SaveNamespace(record);
        return record;
    }

    public NamespaceRecord Get(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Namespace not set on request.");
        }

        return namespaces.TryGetValue(name, out var record)
            ? record
            : throw new GrpcException(GrpcStatusCode.NotFound, $"Namespace {name} is not found.", new NamespaceNotFoundFailure { Namespace = name });
    }

    public void AddSearchAttributes(string name, IReadOnlyDictionary<string, IndexedValueType> attributes)
    {
        var record = Get(name);
        var merged = new Dictionary<string, IndexedValueType>(record.CustomSearchAttributes, StringComparer.Ordinal);
        foreach (var (key, type) in attributes)
        {
            merged[key] = type;
        }

        var updated = record with { CustomSearchAttributes = merged };
        namespaces[name] = updated;
        store.SaveNamespace(updated);
    }

    public void RemoveSearchAttributes(string name, IEnumerable<string> attributes)
    {
        var record = Get(name);
        var merged = new Dictionary<string, IndexedValueType>(record.CustomSearchAttributes, StringComparer.Ordinal);
        foreach (var key in attributes)
        {
            if (!merged.Remove(key))
            {
                throw new GrpcException(GrpcStatusCode.NotFound, $"Search attribute {key} doesn't exist.");
            }
        }

        var updated = record with { CustomSearchAttributes = merged };
        namespaces[name] = updated;
        store.SaveNamespace(updated);
    }
}
