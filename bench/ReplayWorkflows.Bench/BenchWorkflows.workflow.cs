using Temporalio.Activities;
using Temporalio.Workflows;

namespace ReplayWorkflows.Bench;

/// <summary>One activity per workflow: the unit of the throughput benchmark.</summary>
[Workflow]
public class OneActivityWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync(int value) =>
        Workflow.ExecuteActivityAsync(() => BenchActivities.Increment(value), new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
}

/// <summary>Many sequential activities: a long history for the replay-cost measurement.</summary>
[Workflow]
public class ManyActivitiesWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int count)
    {
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            total = await Workflow.ExecuteActivityAsync(() => BenchActivities.Increment(total), new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
        }

        return total;
    }
}

public static class BenchActivities
{
    [Activity]
    public static int Increment(int value) => value + 1;
}
