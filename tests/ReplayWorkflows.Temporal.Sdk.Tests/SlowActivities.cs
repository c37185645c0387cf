using Temporalio.Activities;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Activities that take their time, stall or ask for their own retry delay: the timeout and retry tests.</summary>
public sealed class SlowActivities
{
    [Activity]
    public async Task<int> SleepAsync(int milliseconds)
    {
        await Task.Delay(milliseconds, ActivityExecutionContext.Current.CancellationToken);
        return milliseconds;
    }

    /// <summary>Heartbeats once with "halfway", then stops heartbeating as a stuck process would.</summary>
    [Activity]
    public async Task HeartbeatOnceThenStallAsync()
    {
        var context = ActivityExecutionContext.Current;
        context.Heartbeat("halfway");
        await Task.Delay(TimeSpan.FromSeconds(30), context.CancellationToken);
    }

    /// <summary>The first attempt fails asking to be retried after 100 ms, overriding the policy's hour.</summary>
    [Activity]
    public int FailOnceWithOwnRetryDelay()
    {
        var attempt = ActivityExecutionContext.Current.Info.Attempt;
        return attempt == 1
            ? throw new ApplicationFailureException("not yet", errorType: "NotYet", nextRetryDelay: TimeSpan.FromMilliseconds(100))
            : attempt;
    }
}
