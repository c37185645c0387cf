namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>A user timer started by the workflow and not yet fired or canceled.</summary>
internal sealed record PendingTimer(string TimerId, long StartedEventId, DateTimeOffset FireTime);
