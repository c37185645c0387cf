using System.Globalization;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins;

/// <summary>
/// Reads a plugin's configuration, falling back to the descriptor's default: the pipeline normally resolves defaults,
/// but a plugin called directly (tests, tools) with a partial configuration must still behave as documented.
/// </summary>
internal static class Settings
{
    public static double Number(PluginDescriptor descriptor, PluginConfiguration configuration, string name) =>
        double.Parse(Raw(descriptor, configuration, name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long Integer(PluginDescriptor descriptor, PluginConfiguration configuration, string name) =>
        long.Parse(Raw(descriptor, configuration, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Raw(PluginDescriptor descriptor, PluginConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Values.TryGetValue(name, out var value))
        {
            return value;
        }

        return descriptor.FindParameter(name)?.Default
            ?? throw new KeyNotFoundException($"{descriptor}: configuration has no value for '{name}' and the parameter has no default");
    }
}
