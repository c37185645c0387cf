namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>One written export: its kind, the replay it belongs to (empty for the event) and its files.</summary>
public sealed record ExportOutcome(string Kind, string ReplayId, IReadOnlyList<string> Files);
