using ReplayWorkflows.Temporal.Server.Persistence;
using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.History;

internal sealed partial class HistoryEngine
{
    /// <summary>
    /// Rebuilds every run from its stored history after a restart, then re-dispatches outstanding tasks and
    /// re-arms timers from mutable state: nothing a worker or timer held in memory is needed.
    /// </summary>
    public int Recover(IReadOnlyList<StoredRun> stored) => Mutate(() =>
    {
        var now = Now;
        foreach (var s in stored)
        {
            var run = new MutableState(new ExecutionKey(s.Namespace, s.WorkflowId, s.RunId)) { RequestId = s.RequestId };
            foreach (var e in s.Events)
            {
                run.Load(e);
            }

            run.Buffered.AddRange(s.Buffered);
            run.PersistedEventCount = run.Events.Count;
            TransientStateCodec.Apply(run, s.TransientJson, now);
            runs[run.Key] = run;
            current[(s.Namespace, s.WorkflowId)] = run;
        }

        foreach (var run in runs.Values.Where(r => r.IsRunning))
        {
            Rearm(run);
        }

        return runs.Count;
    });

    private void Rearm(MutableState run)
    {
        if (run.WorkflowTask is { } task)
        {
            if (task.IsStarted)
            {
                // The worker may still answer; otherwise the start-to-close timeout hands the task out again.
                ArmWorkflowTaskStartToClose(run);
            }
            else
            {
                DispatchWorkflowTask(run);
            }
        }
        else if (run.WorkflowTaskAttempt > 1)
        {
            // A retry was pending (or backing off) when the server stopped: it lives outside history, so hand it out again.
            ScheduleWorkflowTask(run, run.WorkflowTaskAttempt);
        }
        else if (run.FirstWorkflowTaskDue is { } due)
        {
            // No task yet: a first task held back (start delay, retry backoff, cron schedule) waits out the rest.
            if (due > Now)
            {
                ScheduleFirstWorkflowTaskAt(run, due);
            }
            else
            {
                ScheduleWorkflowTask(run);
            }
        }
        else if (run.Events[^1].EventType is EventType.WorkflowTaskFailed or EventType.WorkflowTaskTimedOut)
        {
            ScheduleWorkflowTask(run);
        }

        foreach (var timer in run.Timers.Values)
        {
            ArmUserTimer(run, timer);
        }

        foreach (var activity in run.Activities.Values.Where(a => !a.Closing))
        {
            var scheduleToClose = ScheduleToCloseDeadline(activity);
            if (scheduleToClose is { } deadline)
            {
                ArmActivityTimeout(run, activity, TimeoutType.ScheduleToClose, deadline, stamp: -1);
            }

            if (activity.StartedTime is { } started)
            {
                var startToClose = activity.Attributes.StartToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
                if (startToClose > TimeSpan.Zero)
                {
                    ArmActivityTimeout(run, activity, TimeoutType.StartToClose, started + startToClose, activity.Stamp);
                }

                var heartbeat = activity.Attributes.HeartbeatTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
                if (heartbeat > TimeSpan.Zero)
                {
                    ArmActivityTimeout(run, activity, TimeoutType.Heartbeat, started + heartbeat, activity.Stamp);
                }
            }
            else if (activity.RetryDueTime is { } due)
            {
                var key = run.Key;
                var scheduledId = activity.ScheduledEventId;
                var stamp = activity.Stamp;
                After(() => timers.Schedule(due, () => Mutate(() =>
                {
                    if (runs.GetValueOrDefault(key) is { IsRunning: true } retried && retried.Activities.TryGetValue(scheduledId, out var pending)
                        && pending.Stamp == stamp && !pending.Closing)
                    {
                        pending.RetryDueTime = null;
                        pending.CurrentAttemptScheduledTime = Now;
                        Touch(retried);
                        DispatchActivity(retried, pending);
                    }
                })));
            }
            else
            {
                DispatchActivity(run, activity);
            }
        }

        foreach (var child in run.Children.Values.Where(c => c.StartedEventId == 0 && !ChildResolutionBuffered(run, c.InitiatedEventId)))
        {
            var key = run.Key;
            var initiated = child.InitiatedEventId;
            deferred.Add(() => StartChild(key, initiated));
        }

        ArmRunTimeout(run);
    }

    private static bool ChildResolutionBuffered(MutableState run, long initiatedId) => run.Buffered.Any(e =>
        e.ChildWorkflowExecutionStartedEventAttributes?.InitiatedEventId == initiatedId
        || e.StartChildWorkflowExecutionFailedEventAttributes?.InitiatedEventId == initiatedId);
}
