namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// A plugin implementation. Plugins are pure: no I/O, no clocks, no randomness; inputs and outputs are serialisable
/// records because they cross Temporal activity boundaries.
/// </summary>
public interface IPlugin
{
    PluginDescriptor Descriptor { get; }
}
