using Temporalio.Api.Common.V1;
using Temporalio.Converters;

namespace Temporalio.Workflows;

/// <summary>What a workflow knows about its own execution.</summary>
public record WorkflowInfo(
    int Attempt,
    string? ContinuedRunId,
    string? CronSchedule,
    TimeSpan? ExecutionTimeout,
    string FirstExecutionRunId,
    IReadOnlyDictionary<string, Payload>? Headers,
    Exception? LastFailure,
    IReadOnlyCollection<IRawValue>? LastResult,
    string Namespace,
    WorkflowInfo.ParentInfo? Parent,
    Common.Priority Priority,
    Common.RetryPolicy? RetryPolicy,
    WorkflowInfo.RootInfo? Root,
    string RunId,
    TimeSpan? RunTimeout,
    DateTime StartTime,
    string TaskQueue,
    TimeSpan TaskTimeout,
    string WorkflowId,
    DateTime WorkflowStartTime,
    string WorkflowType)
{
    /// <summary>The parent of a child workflow.</summary>
    public record ParentInfo(string Namespace, string RunId, string WorkflowId);

    /// <summary>The top of a child workflow's tree (null on a workflow that is its own root).</summary>
    public record RootInfo(string RunId, string WorkflowId);
}
