using System.Collections.Concurrent;
using Temporalio.Activities;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>
/// Records the <see cref="WorkflowInfo"/> each live run sees (by workflow id), so tests can check what the SDK read
/// from the started event: last failure, last result, headers, priority, root.
/// </summary>
[Workflow]
public class InfoWorkflow
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<WorkflowInfo>> Seen = new();

    [WorkflowRun]
    public async Task<string> RunAsync(string mode)
    {
        var info = Workflow.Info;
        if (!Workflow.Unsafe.IsReplaying)
        {
            Seen.GetOrAdd(info.WorkflowId, _ => new()).Enqueue(info);
        }

        switch (mode)
        {
            case "fail-first" when info.Attempt == 1:
                throw new ApplicationFailureException("first attempt fails", errorType: "Flaky");
            case "parent":
                return await Workflow.ExecuteChildWorkflowAsync(
                    (InfoWorkflow w) => w.RunAsync("activity"),
                    new ChildWorkflowOptions { Id = $"{info.WorkflowId}-child", Priority = new(priorityKey: 2) });
            case "activity":
                return await Workflow.ExecuteActivityAsync(
                    (InfoActivities a) => a.RecordAsync(),
                    new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), RetryPolicy = new() { MaximumAttempts = 4 } });
            default:
                // A cron run's result is its run id, which the next run reads back as its last result.
                return info.RunId;
        }
    }
}

/// <summary>Records the <see cref="ActivityInfo"/> it ran with, by workflow id.</summary>
public sealed class InfoActivities
{
    public static readonly ConcurrentDictionary<string, ActivityInfo> Seen = new();

    [Activity]
    public Task<string> RecordAsync()
    {
        var info = ActivityExecutionContext.Current.Info;
        Seen[info.WorkflowId!] = info;
        return Task.FromResult(info.ActivityType);
    }
}
