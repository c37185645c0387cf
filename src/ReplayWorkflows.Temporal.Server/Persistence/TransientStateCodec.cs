using System.Text.Json;
using Google.Protobuf;
using ReplayWorkflows.Temporal.Server.History;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>Converts a run's transient state to and from its stored JSON.</summary>
internal static class TransientStateCodec
{
    public static string Encode(MutableState run)
    {
        var activities = run.Activities.Values.Select(a => new TransientActivity(
            a.ScheduledEventId,
            a.Attempt,
            a.StartedTime is not null,
            a.StartedIdentity,
            a.HeartbeatDetails is null ? null : Convert.ToBase64String(a.HeartbeatDetails.ToByteArray()),
            a.LastFailure is null ? null : Convert.ToBase64String(a.LastFailure.ToByteArray()),
            a.RetryDueTime?.ToUnixTimeMilliseconds(),
            a.Closing)).ToList();
        return JsonSerializer.Serialize(new TransientState(run.StickyQueue, (long)run.StickyScheduleToStartTimeout.TotalMilliseconds, activities, run.WorkflowTaskAttempt));
    }

    /// <summary>Restores transient state onto a run rebuilt from history.</summary>
    public static void Apply(MutableState run, string json, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(json))
        {
            return;
        }

        var state = JsonSerializer.Deserialize<TransientState>(json);
        if (state is null)
        {
            return;
        }

        run.StickyQueue = state.StickyQueue;
        run.StickyScheduleToStartTimeout = TimeSpan.FromMilliseconds(state.StickyTimeoutMs);
        run.WorkflowTaskAttempt = Math.Max(1, state.WorkflowTaskAttempt);
        foreach (var a in state.Activities)
        {
            if (!run.Activities.TryGetValue(a.ScheduledEventId, out var activity))
            {
                continue;
            }

            activity.Attempt = a.Attempt;
            activity.StartedIdentity = a.StartedIdentity;
            activity.StartedTime = a.Started ? now : null;
            activity.HeartbeatDetails = a.HeartbeatDetails is null ? null : Payloads.Parser.ParseFrom(ByteString.FromBase64(a.HeartbeatDetails));
            activity.LastFailure = a.LastFailure is null ? null : Failure.Parser.ParseFrom(ByteString.FromBase64(a.LastFailure));
            activity.RetryDueTime = a.RetryDueUnixMs is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null;
            activity.Closing = a.Closing;
        }
    }
}
