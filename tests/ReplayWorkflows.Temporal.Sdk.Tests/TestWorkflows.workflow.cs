using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

[Workflow]
public class GreetingWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(Greeting greeting)
    {
        var sum = await Workflow.ExecuteActivityAsync((TestActivities a) => a.AddAsync(greeting.Times, 0), Options);
        var doubled = greeting with { Times = sum };
        return await Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(doubled), Options);
    }

    internal static ActivityOptions Options => new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) };
}

/// <summary>Waits for signals, exposes state to queries, sleeps on a durable timer.</summary>
[Workflow]
public class CounterWorkflow
{
    private readonly List<string> items = [];
    private bool done;

    [WorkflowQuery]
    public int Count => items.Count;

    [WorkflowQuery]
    public string ItemAt(int index) => items[index];

    [WorkflowSignal]
    public Task AddAsync(string item)
    {
        items.Add(item);
        return Task.CompletedTask;
    }

    [WorkflowSignal]
    public Task FinishAsync()
    {
        done = true;
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<string> RunAsync(int timerMs)
    {
        await Workflow.DelayAsync(timerMs);
        await Workflow.WaitConditionAsync(() => done);
        return string.Join(",", items);
    }
}

[Workflow]
public class RetryWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync() => Workflow.ExecuteActivityAsync((TestActivities a) => a.Flaky(), new ActivityOptions
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(50), BackoffCoefficient = 1.0F },
    });
}

[Workflow]
public class FailingActivityWorkflow
{
    [WorkflowRun]
    public Task RunAsync() => Workflow.ExecuteActivityAsync((TestActivities a) => a.FailHard(), new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
}

[Workflow]
public class ParentWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string name, bool childFails)
    {
        if (childFails)
        {
            await Workflow.ExecuteChildWorkflowAsync((FailingActivityWorkflow w) => w.RunAsync(), new ChildWorkflowOptions { Id = $"{Workflow.Info.WorkflowId}-child" });
            return "unreachable";
        }

        var handle = await Workflow.StartChildWorkflowAsync((GreetingWorkflow w) => w.RunAsync(new Greeting(name, 1)), new ChildWorkflowOptions { Id = $"{Workflow.Info.WorkflowId}-child" });
        return "child said: " + await handle.GetResultAsync();
    }
}

/// <summary>Counts up across runs by continuing as new.</summary>
[Workflow]
public class ContinuingWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int iteration, int until)
    {
        await Workflow.DelayAsync(1);
        if (iteration < until)
        {
            throw Workflow.CreateContinueAsNewException((ContinuingWorkflow w) => w.RunAsync(iteration + 1, until));
        }

        return iteration;
    }
}

/// <summary>Waits on an activity until cancelled, then runs a cleanup activity with a detached token.</summary>
[Workflow]
public class CancellableWorkflow
{
    [WorkflowQuery]
    public bool Started { get; private set; }

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        Started = true;
        try
        {
            await Workflow.ExecuteActivityAsync((TestActivities a) => a.WaitForCancelAsync(), new ActivityOptions
            {
                StartToCloseTimeout = TimeSpan.FromMinutes(5),
                HeartbeatTimeout = TimeSpan.FromSeconds(2),
                CancellationType = ActivityCancellationType.WaitCancellationCompleted,
            });
            return "not cancelled";
        }
        catch (Exception ex) when (TemporalException.IsCanceledException(ex))
        {
            using var detached = new CancellationTokenSource();
            await Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(new Greeting("cleanup", 1)), new ActivityOptions
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(30),
                CancellationToken = detached.Token,
            });
            throw;
        }
    }
}

/// <summary>Returns deterministic values; queries them again after any replay.</summary>
[Workflow]
public class DeterminismWorkflow
{
    private string first = string.Empty;

    [WorkflowQuery]
    public string Values => first;

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        first = $"{Workflow.UtcNow:O}|{Workflow.Random.Next()}|{Workflow.NewGuid()}|{Workflow.Patched("v2")}";
        await Workflow.DelayAsync(10);
        await Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(new Greeting("x", 1)), GreetingWorkflow.Options);
        return first;
    }
}

[Workflow]
public class HeartbeatResumeWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync() => Workflow.ExecuteActivityAsync((TestActivities a) => a.ResumeFromHeartbeatAsync(), new ActivityOptions
    {
        StartToCloseTimeout = TimeSpan.FromSeconds(30),
        HeartbeatTimeout = TimeSpan.FromSeconds(5),
        RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(50) },
    });
}

/// <summary>A changed version of <see cref="GreetingWorkflow"/>: schedules a different first activity.</summary>
[Workflow("GreetingWorkflow")]
public class ChangedGreetingWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(Greeting greeting) =>
        await Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(greeting), GreetingWorkflow.Options);
}

/// <summary>Throws an ordinary exception: a bug, which fails the workflow task (retried), not the workflow.</summary>
[Workflow]
public class BuggyWorkflow
{
    [WorkflowRun]
    public Task<string> RunAsync() => throw new InvalidOperationException("oops in workflow code");
}
