using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using ParentClosePolicy = Temporalio.Workflows.ParentClosePolicy;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Starts a child that waits for a signal, then completes at once: the child's fate is its parent close policy.</summary>
[Workflow]
public class ShortLivedParentWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string childId, ParentClosePolicy policy)
    {
        var child = await Workflow.StartChildWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0), new ChildWorkflowOptions { Id = childId, ParentClosePolicy = policy });
        return child.Id;
    }
}

/// <summary>Starts a waiting child, then cancels it through the cancellation token and reports what came back.</summary>
[Workflow]
public class ChildCancellingWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string childId)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var child = await Workflow.StartChildWorkflowAsync(
            (CounterWorkflow w) => w.RunAsync(0), new ChildWorkflowOptions { Id = childId, CancellationToken = cancel.Token });
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(100));
        cancel.Cancel(); // not CancelAsync: that runs the callbacks on the thread pool, outside the workflow's scheduler
        try
        {
            await child.GetResultAsync();
            return "child completed";
        }
        catch (ChildWorkflowFailureException e)
        {
            return $"{e.GetType().Name}/{e.InnerException?.GetType().Name}";
        }
    }
}

/// <summary>Cancels with CancelAsync, whose callbacks and continuation run on the thread pool: a workflow bug.</summary>
[Workflow]
public class CancelAsyncWorkflow
{
    private bool poked;

    [WorkflowSignal]
    public Task PokeAsync()
    {
        poked = true;
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        using var cancel = new CancellationTokenSource();
        // With a callback, CancelAsync runs it on the thread pool; a slow one makes sure the await really waits.
        using var registration = cancel.Token.Register(() => Thread.Sleep(100));
#pragma warning disable CA2016, VSTHRD103 // deliberately wrong: this is what the test catches
        await cancel.CancelAsync();
#pragma warning restore CA2016, VSTHRD103
        await Workflow.WaitConditionAsync(() => poked);
        return "should not get here";
    }
}

/// <summary>Runs one activity on its own task queue and says whether it completed or was cancelled.</summary>
[Workflow]
public class CancelRaceWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string activityQueue)
    {
        try
        {
            var sum = await Workflow.ExecuteActivityAsync(
                (TestActivities a) => a.AddAsync(1, 2), new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), TaskQueue = activityQueue });
            return $"completed {sum}";
        }
        catch (ActivityFailureException e) when (e.InnerException is CanceledFailureException)
        {
            return "cancelled";
        }
    }
}

/// <summary>Cancels a heartbeating activity with the given cancellation type, or cancels another workflow by id.</summary>
[Workflow]
public class CancellationTypeWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(ActivityCancellationType type, string? otherWorkflowId)
    {
        if (otherWorkflowId is not null)
        {
            await Workflow.GetExternalWorkflowHandle(otherWorkflowId).CancelAsync();
            return "requested";
        }

        using var cancel = new CancellationTokenSource();
        var activity = Workflow.ExecuteActivityAsync(
            (TestActivities a) => a.WaitForCancelAsync(),
            new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), HeartbeatTimeout = TimeSpan.FromSeconds(2), CancellationType = type, CancellationToken = cancel.Token });
        await Workflow.DelayAsync(TimeSpan.FromMilliseconds(300));
        cancel.Cancel();
        try
        {
            await activity;
            return "completed";
        }
        catch (ActivityFailureException e) when (e.InnerException is CanceledFailureException)
        {
            return "cancelled";
        }
    }
}
