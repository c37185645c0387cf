using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Profiles;

/// <summary>
/// A plugin as a validated profile uses it: the pinned descriptor (name and version), the slot it fills, the
/// profile plugins it waits for (its registered dependencies plus the profile's own) and its resolved configuration.
/// </summary>
public sealed record ProfilePlugin(
    PluginDescriptor Descriptor,
    PluginClass Slot,
    IReadOnlyList<string> DependsOn,
    PluginConfiguration Configuration)
{
    public string Name => Descriptor.Name;

    public int Version => Descriptor.Version;
}
