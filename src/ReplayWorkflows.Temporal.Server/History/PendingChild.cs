using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>A child workflow the parent initiated and that has not closed (from the parent's point of view).</summary>
internal sealed class PendingChild
{
    public PendingChild(long initiatedEventId, StartChildWorkflowExecutionInitiatedEventAttributes attributes)
    {
        InitiatedEventId = initiatedEventId;
        Attributes = attributes;
    }

    public long InitiatedEventId { get; }

    public StartChildWorkflowExecutionInitiatedEventAttributes Attributes { get; }

    public long StartedEventId { get; set; }

    public string RunId { get; set; } = string.Empty;
}
