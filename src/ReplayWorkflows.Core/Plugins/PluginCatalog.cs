namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// The registered versions of every plugin. Versions are positive integers; a profile that names no version gets the
/// latest one at validation time, and the resolved version is what the profile then pins.
/// </summary>
public sealed class PluginCatalog
{
    private readonly SortedDictionary<string, SortedDictionary<int, PluginDescriptor>> _plugins = new(StringComparer.Ordinal);

    public PluginCatalog()
    {
    }

    public PluginCatalog(IEnumerable<PluginDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        foreach (var d in descriptors)
        {
            Register(d);
        }
    }

    public IEnumerable<PluginDescriptor> All => _plugins.Values.SelectMany(v => v.Values);

    /// <summary>Adds one version; registering the same name and version twice is an error (versions are immutable).</summary>
    public void Register(PluginDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentException.ThrowIfNullOrWhiteSpace(descriptor.Name);
        if (descriptor.Version < 1)
        {
            throw new ArgumentException($"{descriptor.Name}: versions start at 1, not {descriptor.Version}", nameof(descriptor));
        }

        if (descriptor.Dependencies.Contains(descriptor.Name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{descriptor.Name} cannot depend on itself", nameof(descriptor));
        }

        if (!_plugins.TryGetValue(descriptor.Name, out var versions))
        {
            versions = [];
            _plugins.Add(descriptor.Name, versions);
        }

        if (!versions.TryAdd(descriptor.Version, descriptor))
        {
            throw new InvalidOperationException($"{descriptor} is already registered; publish a new version instead");
        }
    }

    /// <summary>The named version, or the latest when <paramref name="version"/> is null; null when unknown.</summary>
    public PluginDescriptor? Find(string name, int? version = null)
    {
        if (!_plugins.TryGetValue(name, out var versions))
        {
            return null;
        }

        if (version is { } v)
        {
            return versions.GetValueOrDefault(v);
        }

        return versions.Values.Last();
    }

    public IReadOnlyList<int> VersionsOf(string name) =>
        _plugins.TryGetValue(name, out var versions) ? versions.Keys.ToList() : [];
}
