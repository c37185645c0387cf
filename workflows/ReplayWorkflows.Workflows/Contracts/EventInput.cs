namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// What starts an event workflow. The profile travels as a snapshot of its source text, so a profile changed later
/// does not change a running event. <paramref name="Source"/> is <c>folder:PATH</c>, <c>hls:URL_OR_PATH</c> or
/// <c>s3://bucket/prefix</c>; without one, chunks arrive only by the <c>ChunkArrived</c> signal.
/// </summary>
public sealed record EventInput(
    string EventId,
    string Name,
    string ProfileName,
    string ProfileSource,
    string? Source = null,
    DateTime? StartUtc = null,
    long? DurationMs = null,
    bool Vod = false,
    IReadOnlyList<int>? AudioTracks = null,
    EventSettings? Settings = null,
    string Program = "default",
    EventCarry? Carry = null)
{
    public EventSettings EffectiveSettings => Settings ?? EventSettings.Default;

    public IReadOnlyList<int> Tracks => AudioTracks is { Count: > 0 } t ? t : [1];

    /// <summary>The workflow id of an event: <c>event-&lt;eventId&gt;</c>.</summary>
    public static string WorkflowIdFor(string eventId) => $"event-{eventId}";
}
