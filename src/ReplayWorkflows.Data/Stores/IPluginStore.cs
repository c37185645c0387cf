using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Stores;

/// <summary>The plugin catalog: immutable registered versions.</summary>
public interface IPluginStore
{
    /// <summary>
    /// Registers a version. Registering the same definition again is a no-op (returns false); a different definition
    /// under an existing (name, version) is refused, because versions are immutable.
    /// </summary>
    /// <exception cref="DataPlaneException">The version exists with a different definition.</exception>
    Task<bool> RegisterAsync(PluginRecord record, CancellationToken cancellationToken = default);

    Task<PluginRecord?> GetAsync(string name, string version, CancellationToken cancellationToken = default);

    /// <summary>The most recently registered enabled version of the plugin.</summary>
    Task<PluginRecord?> GetLatestAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All versions ordered by name then registration order, optionally of one class only.</summary>
    Task<IReadOnlyList<PluginRecord>> ListAsync(string? pluginClass = null, CancellationToken cancellationToken = default);

    Task<bool> SetEnabledAsync(string name, string version, bool enabled, CancellationToken cancellationToken = default);
}
