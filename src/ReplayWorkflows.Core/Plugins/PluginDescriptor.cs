using ReplayWorkflows.Core.Analysis;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// Everything the platform knows about one version of a plugin: what it is, where it runs, how it is configured,
/// what it produces and what it needs.
/// </summary>
/// <param name="Dependencies">Plugins whose output this plugin reads; a profile using it must contain them.</param>
/// <param name="MediaFeatures">What the media layer must measure for this plugin in its single decode per chunk.</param>
/// <param name="CarriesState">
/// True when the plugin threads opaque state from one chunk to the next; such a featurer becomes order-dependent.
/// </param>
public sealed record PluginDescriptor(
    string Name,
    int Version,
    PluginClass Class,
    MediaType MediaType,
    PluginExecution Execution,
    IReadOnlyList<ConfigParameter> Configuration,
    IReadOnlyList<OutputAttribute> OutputAttributes,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<MediaFeature> MediaFeatures,
    string Description = "",
    bool CarriesState = false)
{
    public ConfigParameter? FindParameter(string name) =>
        Configuration.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public override string ToString() => $"{Name} v{Version}";
}
