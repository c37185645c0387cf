namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>A replay of an event as the event workflow needs to know it: its id and whether it updates as segments close.</summary>
public sealed record ReplayListing(string ReplayId, bool CatchUp);
