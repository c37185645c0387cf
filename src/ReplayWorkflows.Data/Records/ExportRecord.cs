namespace ReplayWorkflows.Data.Records;

/// <summary>
/// An export written for an event or one of its replays. Identity is (event, replay or "", kind, audio track):
/// exporting again replaces the row, so the row always points at the newest file.
/// </summary>
/// <param name="ReplayId">Empty for event-level exports.</param>
/// <param name="Kind">The export kind, e.g. "edl", "event-json", "replay-json", "mp4", "hls".</param>
/// <param name="AudioTrack">0 when the export is not per audio track.</param>
/// <param name="ContentSha256">Hex SHA-256 of the exported bytes, so determinism can be checked.</param>
public sealed record ExportRecord(
    string EventId,
    string ReplayId,
    string Kind,
    int AudioTrack,
    string Location,
    string? ContentSha256 = null,
    long? SizeBytes = null,
    long CreatedUnixMs = 0);
