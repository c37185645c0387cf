using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>The system search attributes every namespace has.</summary>
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
}
