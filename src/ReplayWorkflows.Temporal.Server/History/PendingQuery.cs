using Temporalio.Api.Query.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>A query waiting for a worker's answer.</summary>
internal sealed class PendingQuery
{
    public PendingQuery(WorkflowQuery query)
    {
        Query = query;
    }

    public WorkflowQuery Query { get; }

    public TaskCompletionSource<RespondQueryTaskCompletedRequest> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
