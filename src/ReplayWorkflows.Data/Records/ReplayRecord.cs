namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A replay request on an event. The selection settings (mode, target duration, tolerance, feature weights,
/// feedback rules, outputs) are the domain's and live in <see cref="RequestJson"/>.
/// </summary>
public sealed record ReplayRecord(
    string ReplayId,
    string EventId,
    ReplayStatus Status,
    bool Catchup,
    int AudioTrack,
    string RequestJson,
    long CreatedUnixMs = 0,
    long UpdatedUnixMs = 0);
