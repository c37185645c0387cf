using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>Where an event's workflow is: its status (null when Temporal has no such workflow) and its progress when it can be read.</summary>
internal sealed record EventWorkflowState(string WorkflowId, WorkflowExecutionStatus? Status, EventProgress? Progress)
{
    public bool IsRunning => Status == WorkflowExecutionStatus.Running;

    public string StatusText => Status is { } s ? s.ToString() : "not found";

    /// <summary>Describes <c>event-ID</c>; a running one is queried for its progress, a completed one gives its summary's.</summary>
    public static async Task<EventWorkflowState> ReadAsync(PipelineClient pipeline, string eventId, CancellationToken cancellationToken)
    {
        var handle = pipeline.GetEvent(eventId);
        WorkflowExecutionStatus status;
        try
        {
            status = (await handle.DescribeAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (RpcException ex) when (ex.Code == RpcException.StatusCode.NotFound)
        {
            return new EventWorkflowState(handle.Id, null, null);
        }

        EventProgress? progress = null;
        try
        {
            progress = status switch
            {
                WorkflowExecutionStatus.Running => await pipeline.ProgressAsync(eventId).WaitAsync(cancellationToken).ConfigureAwait(false),
                WorkflowExecutionStatus.Completed => (await handle.GetResultAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Progress,
                _ => null,
            };
        }
        catch (TemporalException)
        {
            // No worker answers queries right now, or the run just moved on: the data plane still tells most of it.
        }

        return new EventWorkflowState(handle.Id, status, progress);
    }
}
