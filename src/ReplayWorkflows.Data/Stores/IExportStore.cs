using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Where exports were written.</summary>
public interface IExportStore
{
    /// <summary>Records an export; the same identity again replaces it.</summary>
    Task UpsertAsync(ExportRecord record, CancellationToken cancellationToken = default);

    Task<ExportRecord?> GetAsync(string eventId, string replayId, string kind, int audioTrack, CancellationToken cancellationToken = default);

    /// <summary>All exports of the event (event-level first, then per replay), ordered by kind and track.</summary>
    Task<IReadOnlyList<ExportRecord>> ListAsync(string eventId, CancellationToken cancellationToken = default);
}
