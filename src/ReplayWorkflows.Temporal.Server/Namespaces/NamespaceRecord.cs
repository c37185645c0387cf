namespace ReplayWorkflows.Temporal.Server.Namespaces;

/// <summary>A registered namespace.</summary>
internal sealed record NamespaceRecord(
    string Name,
    string Id,
    string Description,
    string OwnerEmail,
    TimeSpan Retention,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, Temporalio.Api.Enums.V1.IndexedValueType> CustomSearchAttributes);
