using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.Activities.Events;

/// <summary>The event row an <see cref="EventInput"/> implies; creating it twice changes nothing.</summary>
internal static class EventRecords
{
    public static Task<bool> CreateAsync(IDataPlane data, EventInput input, CancellationToken cancellationToken) =>
        data.Events.CreateAsync(
            new EventRecord(
                input.EventId, input.Program, input.Name, input.ProfileName, null, EventStatus.Queued,
                input.StartUtc is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)).ToUnixTimeMilliseconds() : null,
                input.DurationMs, null, PipelineJson.Serialize(new EventDefinition(input.ProfileSource, input.Source, input.Tracks, input.Vod))),
            cancellationToken);
}
