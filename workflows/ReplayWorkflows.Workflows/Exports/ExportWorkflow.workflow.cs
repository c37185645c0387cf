using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Exports;

/// <summary>Writes an event's exports (EDL, JSON, and per replay its EDL and JSON) and records where they are.</summary>
[Workflow("ExportWorkflow")]
public class ExportWorkflow
{
    private static readonly ActivityOptions Export = new()
    {
        TaskQueue = TaskQueues.RenderReplays,
        StartToCloseTimeout = TimeSpan.FromMinutes(5),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 3, NonRetryableErrorTypes = ["InvalidExport"] },
    };

    [WorkflowRun]
    public async Task<IReadOnlyList<ExportOutcome>> RunAsync(ExportTask task) =>
        await Workflow.ExecuteActivityAsync<IReadOnlyList<ExportOutcome>>(ActivityNames.ExportEvent, [task], Export);
}
