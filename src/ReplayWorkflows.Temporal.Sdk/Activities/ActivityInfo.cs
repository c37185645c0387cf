using System.Text.Json.Serialization;
using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Temporalio.Activities;

/// <summary>What an activity knows about its own execution.</summary>
public record ActivityInfo(
    string ActivityId,
    string ActivityType,
    int Attempt,
    DateTime CurrentAttemptScheduledTime,
    [property: JsonIgnore] DataConverter DataConverter,
    IReadOnlyCollection<Payload> HeartbeatDetails,
    TimeSpan? HeartbeatTimeout,
    bool IsLocal,
    string Namespace,
    Temporalio.Common.Priority Priority,
    Temporalio.Common.RetryPolicy? RetryPolicy,
    TimeSpan? ScheduleToCloseTimeout,
    DateTime ScheduledTime,
    TimeSpan? StartToCloseTimeout,
    DateTime StartedTime,
    string TaskQueue,
    byte[] TaskToken,
    string? WorkflowId,
    string? WorkflowNamespace,
    string? WorkflowRunId,
    string? WorkflowType)
{
    /// <summary>Whether a workflow scheduled this activity (the Workflow* fields are then set).</summary>
    public bool IsWorkflowActivity => WorkflowId is not null;

    /// <summary>The heartbeat detail at <paramref name="index"/> from the previous attempt, converted to <typeparamref name="T"/>.</summary>
    public Task<T> HeartbeatDetailAtAsync<T>(int index) =>
        index < HeartbeatDetails.Count
            ? DataConverter.ToValueAsync<T>(HeartbeatDetails.ElementAt(index))
            : throw new ArgumentOutOfRangeException(nameof(index), $"the previous attempt recorded {HeartbeatDetails.Count} heartbeat details");
}

/// <summary>Why an activity's cancellation token fired.</summary>
public enum ActivityCancelReason
{
    None,
    GoneFromServer,
    CancelRequested,
    Timeout,
    WorkerShutdown,
    HeartbeatRecordFailure,
}
