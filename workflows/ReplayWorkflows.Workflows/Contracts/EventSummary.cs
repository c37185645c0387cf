namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>What an event workflow returns when the event is complete.</summary>
public sealed record EventSummary(
    string EventId,
    EventProgress Progress,
    IReadOnlyList<ReplayOutcome> Replays,
    IReadOnlyList<ExportOutcome> Exports,
    bool Canceled);
