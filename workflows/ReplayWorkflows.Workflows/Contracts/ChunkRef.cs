namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// A chunk as the <c>ChunkArrived</c> signal announces it: its number, where to read it, and (when the sender knows)
/// its event-time start and duration. Without a start the event assumes chunks of the profile's chunk size.
/// </summary>
public sealed record ChunkRef(int Number, string Location, long? StartMs = null, long? DurationMs = null);
