using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>A run as the store returns it on start: its history plus what is not in history.</summary>
internal sealed record StoredRun(
    string Namespace,
    string WorkflowId,
    string RunId,
    string RequestId,
    IReadOnlyList<HistoryEvent> Events,
    IReadOnlyList<HistoryEvent> Buffered,
    string TransientJson);
