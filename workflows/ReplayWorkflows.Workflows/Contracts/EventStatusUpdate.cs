namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Move an event to a lifecycle status (Queued, InProgress, Complete, Failed) and record how far its media goes.</summary>
public sealed record EventStatusUpdate(string EventId, string Status, long? MediaEndMs = null);
