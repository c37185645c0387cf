namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A stored event. Identity is <see cref="EventId"/>; (Program, Name) is unique too. Columns hold what is queried
/// (status, schedule, media end); everything else the domain keeps about the event (source, metadata, clip switches)
/// lives in <see cref="DefinitionJson"/> so the domain can grow without a migration.
/// </summary>
/// <param name="MediaEndMs">Event time of the last media seen (the end of the last chunk), once known.</param>
public sealed record EventRecord(
    string EventId,
    string Program,
    string Name,
    string ProfileName,
    int? ProfileRevision,
    EventStatus Status,
    long? ScheduledStartUnixMs,
    long? DurationMs,
    long? MediaEndMs,
    string DefinitionJson,
    long CreatedUnixMs = 0,
    long UpdatedUnixMs = 0);
