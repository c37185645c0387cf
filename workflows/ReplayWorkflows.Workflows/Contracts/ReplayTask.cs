namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Select (and when the selection changed, render) one replay of an event.</summary>
/// <param name="Final">The event has ended: render even an unchanged selection that was never rendered.</param>
public sealed record ReplayTask(string EventId, string ReplayId, bool Final);
