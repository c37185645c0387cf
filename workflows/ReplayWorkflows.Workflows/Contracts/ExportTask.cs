namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>Write exports of an event (<c>edl</c>, <c>json</c>) and of its replays (<c>replay-edl</c>, <c>replay-json</c> per replay id).</summary>
public sealed record ExportTask(string EventId, IReadOnlyList<string> Formats, IReadOnlyList<string> ReplayIds, string? OutputDirectory = null);
