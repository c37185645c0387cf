namespace ReplayWorkflows.Data.Records;

/// <summary>
/// One data point or range a plugin produced. The natural key is (event, plugin, audio track, start ms): writing the
/// same key again replaces the row, so re-running a chunk never duplicates results. A point detection has
/// <c>EndMs == StartMs</c>.
/// </summary>
/// <param name="AudioTrack">0 for video plugins, the audio track number (from 1) for audio plugins.</param>
/// <param name="PayloadJson">The plugin's output attributes and anything else it returned, as a JSON object.</param>
public sealed record PluginResultRecord(
    string EventId,
    string PluginName,
    int AudioTrack,
    long StartMs,
    long EndMs,
    int ChunkNumber,
    string PayloadJson,
    string? PluginVersion = null,
    long RecordedUnixMs = 0);
