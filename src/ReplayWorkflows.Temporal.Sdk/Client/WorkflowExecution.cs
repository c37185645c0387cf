using Temporalio.Api.Enums.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Common;
using Temporalio.Converters;

namespace Temporalio.Client;

/// <summary>A workflow execution as visibility lists it.</summary>
public class WorkflowExecution
{
    private readonly Lazy<IReadOnlyDictionary<string, IEncodedRawValue>> memo;

    protected internal WorkflowExecution(WorkflowExecutionInfo rawInfo, DataConverter dataConverter)
    {
        ArgumentNullException.ThrowIfNull(rawInfo);
        RawInfo = rawInfo;
        TypedSearchAttributes = SearchAttributeCollection.FromProto(rawInfo.SearchAttributes);
        memo = new(() => rawInfo.Memo?.Fields.ToDictionary(kv => kv.Key, IEncodedRawValue (kv) => new EncodedRawValue(dataConverter, kv.Value))
            ?? new Dictionary<string, IEncodedRawValue>());
    }

    public WorkflowExecutionInfo RawInfo { get; }

    public string Id => RawInfo.Execution.WorkflowId;

    public string RunId => RawInfo.Execution.RunId;

    public string WorkflowType => RawInfo.Type.Name;

    public WorkflowExecutionStatus Status => RawInfo.Status;

    public DateTime StartTime => RawInfo.StartTime.ToDateTime();

    public DateTime? CloseTime => RawInfo.CloseTime?.ToDateTime();

    public DateTime? ExecutionTime => RawInfo.ExecutionTime?.ToDateTime();

    public string TaskQueue => RawInfo.TaskQueue;

    public int HistoryLength => (int)RawInfo.HistoryLength;

    /// <summary>The memo the workflow was started with, each value decoded and converted on demand.</summary>
    public IReadOnlyDictionary<string, IEncodedRawValue> Memo => memo.Value;

    public string? ParentId => RawInfo.ParentExecution?.WorkflowId;

    public string? ParentRunId => RawInfo.ParentExecution?.RunId;

    public SearchAttributeCollection TypedSearchAttributes { get; }
}

/// <summary>A described workflow execution, with pending activities and children in <see cref="RawDescription"/>.</summary>
public class WorkflowExecutionDescription : WorkflowExecution
{
    protected internal WorkflowExecutionDescription(Api.WorkflowService.V1.DescribeWorkflowExecutionResponse rawDescription, DataConverter dataConverter)
        : base(rawDescription?.WorkflowExecutionInfo!, dataConverter)
    {
        RawDescription = rawDescription!;
    }

    public Api.WorkflowService.V1.DescribeWorkflowExecutionResponse RawDescription { get; }
}

/// <summary>The result of a count query: the total and, for GROUP BY queries, the groups.</summary>
public class WorkflowExecutionCount
{
    // Read-only outside the SDK, as official: only CountWorkflowsAsync builds one.
    internal WorkflowExecutionCount(long count, IReadOnlyCollection<AggregationGroup> groups)
    {
        Count = count;
        Groups = groups;
    }

    public long Count { get; private init; }

    public IReadOnlyCollection<AggregationGroup> Groups { get; private init; }

    /// <summary>One group of a GROUP BY count: its size and the values it groups by.</summary>
    public class AggregationGroup
    {
        internal AggregationGroup(long count, IReadOnlyCollection<object> groupValues)
        {
            Count = count;
            GroupValues = groupValues;
        }

        public long Count { get; private init; }

        public IReadOnlyCollection<object> GroupValues { get; private init; }
    }
}
