namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>What a clip workflow rendered and which segments' clips failed.</summary>
public sealed record ClipBatchOutcome(IReadOnlyList<ClipsRendered> Rendered, IReadOnlyList<string> Errors);
