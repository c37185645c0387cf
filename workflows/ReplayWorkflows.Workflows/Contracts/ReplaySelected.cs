namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// A replay's selection after an update: whether it changed, its revision, what it holds, and (when it needs no new
/// render) the files its earlier render wrote.
/// </summary>
public sealed record ReplaySelected(string ReplayId, bool Changed, bool NeedsRender, int Revision, int Clips, long DurationMs, IReadOnlyList<string>? Files = null);
