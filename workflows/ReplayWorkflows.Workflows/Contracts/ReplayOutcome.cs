namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// A replay after a run of the replay workflow: its selection and its files (<see cref="Rendered"/> says whether this
/// run wrote them or an earlier one did; empty when nothing was ever rendered).
/// </summary>
public sealed record ReplayOutcome(string ReplayId, int Revision, int Clips, long DurationMs, bool Rendered, IReadOnlyList<string> Files);
