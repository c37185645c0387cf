using Temporalio.Api.Enums.V1;
using Temporalio.Api.Workflow.V1;
using Temporalio.Common;

namespace Temporalio.Client;

/// <summary>A workflow execution as visibility lists it.</summary>
public class WorkflowExecution
{
    protected internal WorkflowExecution(WorkflowExecutionInfo rawInfo)
    {
        RawInfo = rawInfo;
        TypedSearchAttributes = SearchAttributeCollection.FromProto(rawInfo.SearchAttributes);
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

    public string? ParentId => RawInfo.ParentExecution?.WorkflowId;

    public string? ParentRunId => RawInfo.ParentExecution?.RunId;

    public SearchAttributeCollection TypedSearchAttributes { get; }
}

/// <summary>A described workflow execution, with pending activities and children in <see cref="RawDescription"/>.</summary>
public class WorkflowExecutionDescription : WorkflowExecution
{
    protected internal WorkflowExecutionDescription(Api.WorkflowService.V1.DescribeWorkflowExecutionResponse rawDescription)
        : base(rawDescription.WorkflowExecutionInfo)
    {
        RawDescription = rawDescription;
    }

    public Api.WorkflowService.V1.DescribeWorkflowExecutionResponse RawDescription { get; }
}

/// <summary>The result of a count query: the total and, for GROUP BY queries, the groups.</summary>
public record WorkflowExecutionCount(long Count, IReadOnlyCollection<WorkflowExecutionCount.AggregationGroup> Groups)
{
    public record AggregationGroup(long Count, IReadOnlyCollection<object> GroupValues);
}
