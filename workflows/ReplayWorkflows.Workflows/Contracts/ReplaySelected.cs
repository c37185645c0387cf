namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>A replay's selection after an update: whether it changed, its revision, and what it holds.</summary>
public sealed record ReplaySelected(string ReplayId, bool Changed, bool NeedsRender, int Revision, int Clips, long DurationMs);
