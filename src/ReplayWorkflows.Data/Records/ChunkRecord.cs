namespace ReplayWorkflows.Data.Records;

/// <summary>A media chunk of an event: its number, where it starts in event time, how long it is, and where it is stored.</summary>
public sealed record ChunkRecord(
    string EventId,
    int ChunkNumber,
    long StartMs,
    long DurationMs,
    string Location,
    string MetadataJson = "{}",
    long RecordedUnixMs = 0)
{
    public long EndMs => StartMs + DurationMs;
}
