using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>How long before a new cron workflow's first run: until the schedule's first time (zero without one).</summary>
    private TimeSpan FirstCronBackoff(string cron)
    {
        var now = Now;
        return string.IsNullOrEmpty(cron) ? TimeSpan.Zero : CronSchedule.Parse(cron).BackoffFrom(now, now);
    }

    /// <summary>
    /// When a closed cron run's successor starts, or null: no schedule, or the next time is past the execution
    /// deadline (which bounds the whole chain, as in Temporal). Cancel and terminate end the chain; they do not ask.
    /// </summary>
    private TimeSpan? NextCronBackoff(MutableState run)
    {
        if (string.IsNullOrEmpty(run.Started.CronSchedule))
        {
            return null;
        }

        var anchor = run.StartTime + (run.Started.FirstWorkflowTaskBackoff?.ToTimeSpan() ?? TimeSpan.Zero);
        var backoff = CronSchedule.Parse(run.Started.CronSchedule).BackoffFrom(Now, anchor);
        return run.ExecutionExpiration is { } deadline && Now + backoff > deadline ? null : backoff;
    }

    /// <summary>Starts a cron workflow's next run: attempt 1, the last result (or failure) carried to it.</summary>
    private void StartCronRun(MutableState closed, string newRunId, Payloads? result, Failure? failure, TimeSpan backoff)
    {
        var attributes = NextRunAttributes(closed, ContinueAsNewInitiator.CronSchedule);
        attributes.Attempt = 1;
        attributes.ContinuedFailure = failure;
        if (result is not null)
        {
            attributes.LastCompletionResult = result;
        }

        CreateRunWithId(closed.Key.Namespace, newRunId, attributes, backoff);
    }
}
