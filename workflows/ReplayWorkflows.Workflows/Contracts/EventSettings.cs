namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>How an event workflow runs; every value has a default that suits a live sports event.</summary>
/// <param name="LookAhead">How many chunk workflows (analysis and order-free featurers) may run at once, ahead of the ordered stages.</param>
/// <param name="GapTimeoutMs">How long a missing chunk is waited for once a later one has arrived, before it is recorded as a gap.</param>
/// <param name="ContinueAsNewEvery">Chunks per workflow run; the state is carried into a new run to keep histories short.</param>
/// <param name="ClipHls">Also write each clip as HLS.</param>
/// <param name="Exports">Event exports written at the end: edl, json.</param>
/// <param name="FirstChunkNumber">The number of the first chunk; null takes the first one that arrives.</param>
public sealed record EventSettings(
    int LookAhead = 3,
    long GapTimeoutMs = 60_000,
    int ContinueAsNewEvery = 100,
    bool ClipHls = false,
    IReadOnlyList<string>? Exports = null,
    int? FirstChunkNumber = null)
{
    public static EventSettings Default { get; } = new();

    public IReadOnlyList<string> ExportFormats => Exports ?? ["edl", "json"];
}
