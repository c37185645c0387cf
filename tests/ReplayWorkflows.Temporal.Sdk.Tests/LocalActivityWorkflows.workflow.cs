using Temporalio.Common;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Local activities between a timer and a normal activity, so replay must interleave markers and commands.</summary>
[Workflow]
public class LocalActivityWorkflow
{
    private string trace = string.Empty;

    [WorkflowQuery]
    public string Trace => trace;

    [WorkflowRun]
    public async Task<string> RunAsync(int a, int b)
    {
        var sum = await Workflow.ExecuteLocalActivityAsync((TestActivities x) => x.AddAsync(a, b), LocalOptions);
        await Workflow.DelayAsync(5);
        var greeting = await Workflow.ExecuteActivityAsync((TestActivities x) => x.Greet(new Greeting("local", 1)), GreetingWorkflow.Options);
        var doubled = await Workflow.ExecuteLocalActivityAsync((TestActivities x) => x.AddAsync(sum, sum), LocalOptions);
        trace = $"{sum}|{greeting}|{doubled}";
        return trace;
    }

    internal static LocalActivityOptions LocalOptions => new()
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(10),
        RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(10), MaximumAttempts = 3 },
    };
}

[Workflow]
public class FailingLocalActivityWorkflow
{
    [WorkflowRun]
    public Task RunAsync() => Workflow.ExecuteLocalActivityAsync((TestActivities x) => x.FailHard(), LocalActivityWorkflow.LocalOptions);
}
