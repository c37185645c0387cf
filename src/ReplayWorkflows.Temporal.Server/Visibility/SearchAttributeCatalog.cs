using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>The search attributes every namespace has: system ones (the server's) and predefined ones (SDKs set them).</summary>
internal static class SearchAttributeCatalog
{
    public static IReadOnlyDictionary<string, IndexedValueType> System { get; } = new Dictionary<string, IndexedValueType>(StringComparer.Ordinal)
    {
        ["WorkflowId"] = IndexedValueType.Keyword,
        ["RunId"] = IndexedValueType.Keyword,
        ["WorkflowType"] = IndexedValueType.Keyword,
        ["ExecutionStatus"] = IndexedValueType.Keyword,
        ["StartTime"] = IndexedValueType.Datetime,
        ["CloseTime"] = IndexedValueType.Datetime,
        ["ExecutionTime"] = IndexedValueType.Datetime,
        ["ExecutionDuration"] = IndexedValueType.Int,
        ["HistoryLength"] = IndexedValueType.Int,
        ["TaskQueue"] = IndexedValueType.Keyword,
        ["ParentWorkflowId"] = IndexedValueType.Keyword,
        ["ParentRunId"] = IndexedValueType.Keyword,
    };

    /// <summary>Attributes Temporal predefines for SDKs and its own features; a workflow may set them without registering.</summary>
    public static IReadOnlySet<string> Predefined { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "TemporalChangeVersion", "BinaryChecksums", "BuildIds", "BatcherNamespace", "BatcherUser",
        "TemporalScheduledStartTime", "TemporalScheduledById", "TemporalSchedulePaused", "TemporalNamespaceDivision",
    };

    /// <summary>
    /// Why a workflow cannot set this attribute in that namespace, or null when it can: as Temporal, a custom
    /// attribute must be registered first (OperatorService AddSearchAttributes) and system attributes are the server's.
    /// </summary>
    public static string? ProblemSetting(Namespaces.NamespaceRecord record, string name) =>
        System.ContainsKey(name) ? $"search attribute {name} is a system search attribute and cannot be set."
        : record.CustomSearchAttributes.ContainsKey(name) || Predefined.Contains(name) ? null
        : $"search attribute {name} is not defined.";
}
