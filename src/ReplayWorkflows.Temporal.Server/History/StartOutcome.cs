namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>What a start request did: the run it points to and whether this request created it.</summary>
internal sealed record StartOutcome(string RunId, bool Started, Temporalio.Api.Enums.V1.WorkflowExecutionStatus Status);
