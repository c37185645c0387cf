namespace Temporalio.Workflows;

/// <summary>What a workflow knows about its own execution.</summary>
public record WorkflowInfo(
    int Attempt,
    string? ContinuedRunId,
    string? CronSchedule,
    TimeSpan? ExecutionTimeout,
    string FirstExecutionRunId,
    string Namespace,
    WorkflowInfo.ParentInfo? Parent,
    Common.RetryPolicy? RetryPolicy,
    string RunId,
    TimeSpan? RunTimeout,
    DateTime StartTime,
    string TaskQueue,
    TimeSpan TaskTimeout,
    string WorkflowId,
    string WorkflowType,
    DateTime WorkflowStartTime)
{
    /// <summary>The parent of a child workflow.</summary>
    public record ParentInfo(string Namespace, string RunId, string WorkflowId);
}
