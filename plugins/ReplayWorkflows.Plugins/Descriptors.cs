using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins;

/// <summary>Looks up the descriptors Core publishes, so every implementation runs against exactly those.</summary>
internal static class Descriptors
{
    public static PluginDescriptor Get(string name) =>
        BuiltInPlugins.Descriptors.Single(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
