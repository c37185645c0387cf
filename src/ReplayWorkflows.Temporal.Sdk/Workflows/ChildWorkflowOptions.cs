using Temporalio.Api.Enums.V1;
using Temporalio.Common;

namespace Temporalio.Workflows;

/// <summary>How a child workflow is started.</summary>
public class ChildWorkflowOptions : ICloneable
{
    /// <summary>The child's workflow id; defaults to a deterministic one derived from the parent.</summary>
    public string? Id { get; set; }

    public string? TaskQueue { get; set; }

    public RetryPolicy? RetryPolicy { get; set; }

    public CancellationToken? CancellationToken { get; set; }

    public ChildWorkflowCancellationType CancellationType { get; set; } = ChildWorkflowCancellationType.WaitCancellationCompleted;

    public ParentClosePolicy ParentClosePolicy { get; set; }

    public TimeSpan? ExecutionTimeout { get; set; }

    public TimeSpan? RunTimeout { get; set; }

    public TimeSpan? TaskTimeout { get; set; }

    public WorkflowIdReusePolicy IdReusePolicy { get; set; } = WorkflowIdReusePolicy.AllowDuplicate;

    public string? CronSchedule { get; set; }

    public IReadOnlyDictionary<string, object>? Memo { get; set; }

    public SearchAttributeCollection? TypedSearchAttributes { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}

/// <summary>Options of a continue-as-new; unset values carry over from the current run.</summary>
public class ContinueAsNewOptions : ICloneable
{
    public string? TaskQueue { get; set; }

    public TimeSpan? RunTimeout { get; set; }

    public TimeSpan? TaskTimeout { get; set; }

    public RetryPolicy? RetryPolicy { get; set; }

    public IReadOnlyDictionary<string, object>? Memo { get; set; }

    public SearchAttributeCollection? TypedSearchAttributes { get; set; }

    /// <summary>A shallow copy.</summary>
    public virtual object Clone() => MemberwiseClone();
}
