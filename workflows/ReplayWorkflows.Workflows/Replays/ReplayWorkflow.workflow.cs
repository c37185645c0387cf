using ReplayWorkflows.Workflows.Contracts;
using Temporalio.Common;
using Temporalio.Workflows;

namespace ReplayWorkflows.Workflows.Replays;

/// <summary>
/// Updates one replay: selects its segments from what the event has found so far and renders it again only when the
/// selection changed (or, at the event's end, when it was never rendered). Catch-up replays run this after every
/// chunk that finished segments; after-event replays once at the end.
/// </summary>
[Workflow("ReplayWorkflow")]
public class ReplayWorkflow
{
    private static readonly ActivityOptions Select = new()
    {
        TaskQueue = TaskQueues.Events,
        StartToCloseTimeout = TimeSpan.FromMinutes(1),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 5, NonRetryableErrorTypes = ["InvalidReplay"] },
    };

    private static readonly ActivityOptions Render = new()
    {
        TaskQueue = TaskQueues.RenderReplays,
        StartToCloseTimeout = TimeSpan.FromMinutes(30),
        HeartbeatTimeout = TimeSpan.FromSeconds(20),
        RetryPolicy = new RetryPolicy { MaximumAttempts = 3, InitialInterval = TimeSpan.FromSeconds(2) },
    };

    [WorkflowRun]
    public async Task<ReplayOutcome> RunAsync(ReplayTask task)
    {
        var selected = await Workflow.ExecuteActivityAsync<ReplaySelected>(ActivityNames.SelectReplay, [task], Select);
        if (!selected.NeedsRender)
        {
            // Nothing new to render: the outcome still says where the replay's files are.
            return new ReplayOutcome(task.ReplayId, selected.Revision, selected.Clips, selected.DurationMs, Rendered: false, selected.Files ?? []);
        }

        var rendered = await Workflow.ExecuteActivityAsync<ReplayRendered>(ActivityNames.RenderReplay, [task], Render);
        return new ReplayOutcome(task.ReplayId, rendered.Revision, selected.Clips, selected.DurationMs, Rendered: true, rendered.Files);
    }
}
