using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Plugins;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>The plugin catalog the CLI validates profiles against: every plugin the built-in host implements.</summary>
internal static class PluginCatalogs
{
    public static PluginCatalog BuiltIn() => new(new BuiltInPluginHost().All.Select(p => p.Descriptor));
}
