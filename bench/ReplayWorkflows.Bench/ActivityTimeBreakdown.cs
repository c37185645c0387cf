using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace ReplayWorkflows.Bench;

/// <summary>
/// Where a run's time went, read back from the workflow histories: per activity type, how many ran and their summed
/// start-to-close time. Activities overlap, so the sums say what is expensive, not what is on the critical path.
/// </summary>
internal static class ActivityTimeBreakdown
{
    public static async Task PrintAsync(ITemporalClient client, string query)
    {
        var totals = new Dictionary<string, (int Count, double Ms)>();
        await foreach (var run in client.ListWorkflowsAsync(query))
        {
            var history = await client.GetWorkflowHandle(run.Id, run.RunId).FetchHistoryAsync();
            var types = new Dictionary<long, string>();
            var started = new Dictionary<long, DateTime>();
            foreach (var e in history.Events)
            {
                switch (e.EventType)
                {
                    case EventType.ActivityTaskScheduled:
                        types[e.EventId] = e.ActivityTaskScheduledEventAttributes.ActivityType.Name;
                        break;
                    case EventType.ActivityTaskStarted:
                        started[e.ActivityTaskStartedEventAttributes.ScheduledEventId] = e.EventTime.ToDateTime();
                        break;
                    case EventType.ActivityTaskCompleted:
                        var id = e.ActivityTaskCompletedEventAttributes.ScheduledEventId;
                        if (types.TryGetValue(id, out var type) && started.TryGetValue(id, out var at))
                        {
                            var (count, ms) = totals.GetValueOrDefault(type);
                            totals[type] = (count + 1, ms + (e.EventTime.ToDateTime() - at).TotalMilliseconds);
                        }

                        break;
                }
            }
        }

        foreach (var (type, (count, ms)) in totals.OrderByDescending(t => t.Value.Ms))
        {
            Console.WriteLine($"  {type,-22} {count,5} runs, {ms / 1000.0,8:0.0} s in all, {ms / count,7:0} ms each");
        }
    }
}
