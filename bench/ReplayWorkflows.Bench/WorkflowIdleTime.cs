using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace ReplayWorkflows.Bench;

/// <summary>
/// The part of a workflow run spent on orchestration alone, from its history: its elapsed time minus every moment
/// when at least one of its activities was queued or running. What is left is workflow tasks, the server and the
/// hand-offs between them, which is what the per-chunk orchestration target is about; waiting for a busy worker is
/// counted as work because it is the CPU being full, not the engine being slow.
/// </summary>
internal static class WorkflowIdleTime
{
    public static async Task<double> OrchestrationMsAsync(ITemporalClient client, string workflowId)
    {
        var history = await client.GetWorkflowHandle(workflowId).FetchHistoryAsync();
        var scheduled = new Dictionary<long, DateTime>();
        var busy = new List<(DateTime From, DateTime To)>();
        DateTime? start = null;
        DateTime? end = null;
        foreach (var e in history.Events)
        {
            var at = e.EventTime.ToDateTime();
            start ??= at;
            end = at;
            switch (e.EventType)
            {
                case EventType.ActivityTaskScheduled:
                    scheduled[e.EventId] = at;
                    break;
                case EventType.ActivityTaskCompleted:
                    Close(e.ActivityTaskCompletedEventAttributes.ScheduledEventId, at);
                    break;
                case EventType.ActivityTaskFailed:
                    Close(e.ActivityTaskFailedEventAttributes.ScheduledEventId, at);
                    break;
                case EventType.ActivityTaskTimedOut:
                    Close(e.ActivityTaskTimedOutEventAttributes.ScheduledEventId, at);
                    break;
            }
        }

        void Close(long id, DateTime at)
        {
            if (scheduled.Remove(id, out var from))
            {
                busy.Add((from, at));
            }
        }

        if (start is null || end is null)
        {
            return 0;
        }

        // Length of the union of the busy intervals.
        double covered = 0;
        DateTime? runFrom = null;
        DateTime runTo = default;
        foreach (var (from, to) in busy.OrderBy(b => b.From))
        {
            if (runFrom is null || from > runTo)
            {
                covered += runFrom is null ? 0 : (runTo - runFrom.Value).TotalMilliseconds;
                runFrom = from;
                runTo = to;
            }
            else if (to > runTo)
            {
                runTo = to;
            }
        }

        covered += runFrom is null ? 0 : (runTo - runFrom.Value).TotalMilliseconds;
        return Math.Max(0, (end.Value - start.Value).TotalMilliseconds - covered);
    }
}
