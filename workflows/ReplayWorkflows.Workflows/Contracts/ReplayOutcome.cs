namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>A replay after a run of the replay workflow: its selection and the files rendered for it (empty when unchanged).</summary>
public sealed record ReplayOutcome(string ReplayId, int Revision, int Clips, long DurationMs, bool Rendered, IReadOnlyList<string> Files);
