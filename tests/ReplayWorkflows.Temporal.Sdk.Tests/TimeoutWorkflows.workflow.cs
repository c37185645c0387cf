using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Runs one activity so that it hits the named timeout and reports what the workflow saw.</summary>
[Workflow]
public class TimeoutWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string kind)
    {
        var once = new RetryPolicy { MaximumAttempts = 1 };
        var options = kind switch
        {
            "StartToClose" => new ActivityOptions { StartToCloseTimeout = TimeSpan.FromMilliseconds(300), RetryPolicy = once },

            // Retries are unlimited: only the schedule-to-close deadline, passed during the first attempt, ends it.
            "ScheduleToClose" => new ActivityOptions { ScheduleToCloseTimeout = TimeSpan.FromMilliseconds(600), StartToCloseTimeout = TimeSpan.FromSeconds(5) },
            "ScheduleToStart" => new ActivityOptions
            {
                TaskQueue = "nobody-polls-" + Workflow.Info.WorkflowId,
                ScheduleToStartTimeout = TimeSpan.FromMilliseconds(300),
                StartToCloseTimeout = TimeSpan.FromSeconds(5),
            },
            "Heartbeat" => new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), HeartbeatTimeout = TimeSpan.FromSeconds(1), RetryPolicy = once },
            _ => throw new ApplicationFailureException($"unknown timeout kind {kind}", nonRetryable: true),
        };
        try
        {
            if (kind == "Heartbeat")
            {
                await Workflow.ExecuteActivityAsync((SlowActivities a) => a.HeartbeatOnceThenStallAsync(), options);
            }
            else
            {
                await Workflow.ExecuteActivityAsync((SlowActivities a) => a.SleepAsync(10_000), options);
            }

            return "completed";
        }
        catch (ActivityFailureException e) when (e.InnerException is TimeoutFailureException timeout)
        {
            var details = timeout.LastHeartbeatDetails.Count > 0 ? " " + timeout.LastHeartbeatDetails.ElementAt<string>(0) : string.Empty;
            return $"{timeout.TimeoutType}{details}";
        }
    }
}

/// <summary>An activity that fails once with its own next-retry delay under a policy that would wait an hour.</summary>
[Workflow]
public class OwnRetryDelayWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync() => Workflow.ExecuteActivityAsync(
        (SlowActivities a) => a.FailOnceWithOwnRetryDelay(),
        new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10), RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromHours(1) } });
}

/// <summary>One activity that sleeps for the given time: the shutdown tests.</summary>
[Workflow]
public class SleepingWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync(int milliseconds) => Workflow.ExecuteActivityAsync(
        (SlowActivities a) => a.SleepAsync(milliseconds),
        new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30), RetryPolicy = new RetryPolicy { MaximumAttempts = 1 } });
}

/// <summary>Calls the Add activity by name with a string where it takes an int: a payload the activity cannot read.</summary>
[Workflow]
public class WrongArgumentWorkflow
{
    [WorkflowRun]
    public Task<int> RunAsync() => Workflow.ExecuteActivityAsync<int>(
        "Add", ["not a number", 2], new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10), RetryPolicy = new RetryPolicy { MaximumAttempts = 1 } });
}
