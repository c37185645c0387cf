using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>Profiles by name, with a revision that grows on every change.</summary>
public interface IProfileStore
{
    /// <summary>
    /// Creates or replaces the profile's definition. Saving an identical definition is a no-op that keeps the revision;
    /// a changed one increments it. Returns the stored record.
    /// </summary>
    Task<ProfileRecord> SaveAsync(string name, string definitionJson, CancellationToken cancellationToken = default);

    Task<ProfileRecord?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All profiles ordered by name.</summary>
    Task<IReadOnlyList<ProfileRecord>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
