namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>Identifies one run of a workflow.</summary>
internal readonly record struct ExecutionKey(string Namespace, string WorkflowId, string RunId);
