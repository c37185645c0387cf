using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Plugins.Classifiers;
using ReplayWorkflows.Plugins.Featurers;
using ReplayWorkflows.Plugins.Labelers;
using ReplayWorkflows.Plugins.Optimizers;

namespace ReplayWorkflows.Plugins;

/// <summary>
/// The built-in plugin implementations by descriptor name and version, so the pipeline resolves plugins the way a
/// profile names them. Plugins are pure and stateless, so one shared instance of each serves every event.
/// </summary>
public sealed class BuiltInPluginHost
{
    private readonly Dictionary<string, IPlugin> _plugins;

    public BuiltInPluginHost()
        : this([])
    {
    }

    /// <summary>The built-ins, with <paramref name="overrides"/> taking the place of same-named ones (or added).</summary>
    public BuiltInPluginHost(IEnumerable<IPlugin> overrides)
    {
        IPlugin[] all =
        [
            new SceneChangeFeaturer(), new BlackFramesFeaturer(), new FreezeFeaturer(), new SilenceFeaturer(), new LoudnessFeaturer(),
            new ShotSegmenter(), new ExcitementSegmenter(), new ExcitementLabeler(), new CutPointOptimizer(),
        ];
        _plugins = all.ToDictionary(p => p.Descriptor.Name, StringComparer.Ordinal);
        foreach (var plugin in overrides)
        {
            _plugins[plugin.Descriptor.Name] = plugin;
        }
    }

    public IReadOnlyCollection<IPlugin> All => _plugins.Values;

    /// <summary>The implementation of <paramref name="name"/> (at <paramref name="version"/> when given); null when this host has none.</summary>
    public IPlugin? Find(string name, int? version = null) =>
        _plugins.TryGetValue(name, out var plugin) && (version is null || version == plugin.Descriptor.Version) ? plugin : null;

    public IFeaturer GetFeaturer(string name, int? version = null) => Get<IFeaturer>(name, version);

    public IClassifier GetClassifier(string name, int? version = null) => Get<IClassifier>(name, version);

    public ILabeler GetLabeler(string name, int? version = null) => Get<ILabeler>(name, version);

    public IOptimizer GetOptimizer(string name, int? version = null) => Get<IOptimizer>(name, version);

    private T Get<T>(string name, int? version)
        where T : class, IPlugin
    {
        var plugin = Find(name, version)
            ?? throw new KeyNotFoundException($"no built-in plugin {name}{(version is { } v ? $" v{v}" : "")}");
        return plugin as T ?? throw new InvalidOperationException($"{plugin.Descriptor} is a {plugin.Descriptor.Class}, not a {typeof(T).Name}");
    }
}
