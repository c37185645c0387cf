using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;

namespace ReplayWorkflows.Core.Planning;

/// <summary>
/// Derives the stage graph from a validated profile. Featurers wait for their dependencies; the classifier waits for
/// its dependencies; labeler and optimizer both wait for the classifier and their own dependencies, and run in
/// parallel with each other (MRE runs the labeler first for no functional reason). Classifier, labeler, optimizer
/// any featurer that carries state and any featurer reading one are chunk-ordered; every other featurer is order-free.
/// </summary>
public static class ExecutionPlanner
{
    public static ExecutionPlan Build(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var waits = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in profile.Plugins)
        {
            var list = new List<string>(p.DependsOn);
            if (p.Slot is PluginClass.Labeler or PluginClass.Optimizer)
            {
                list.Insert(0, profile.Classifier.Name);
            }

            waits[p.Name] = list.Distinct(StringComparer.Ordinal).ToList();
        }

        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        int LevelOf(string name, int depth)
        {
            if (levels.TryGetValue(name, out var known))
            {
                return known;
            }

            // A validated profile has no cycles; the guard only protects against hand-built profiles.
            if (depth > waits.Count)
            {
                throw new InvalidOperationException($"dependency cycle through {name}");
            }

            var level = waits[name].Count == 0 ? 0 : waits[name].Max(w => LevelOf(w, depth + 1)) + 1;
            levels[name] = level;
            return level;
        }

        // A featurer that carries state runs in chunk order, and so does every featurer that reads one (it cannot
        // run for a chunk before its dependency has).
        var ordered = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsOrdered(ProfilePlugin p) =>
            ordered.TryGetValue(p.Name, out var known)
                ? known
                : ordered[p.Name] = p.Slot != PluginClass.Featurer || p.Descriptor.CarriesState
                    || p.DependsOn.Any(d => profile.Find(d) is { Slot: PluginClass.Featurer } dependency && IsOrdered(dependency));

        var stages = profile.Plugins
            .Select(p => new PlanStage(
                p.Name,
                p.Version,
                p.Slot,
                LevelOf(p.Name, 0),
                waits[p.Name],
                IsOrdered(p) ? CrossChunkOrder.ChunkOrder : CrossChunkOrder.OrderFree,
                p.Descriptor.MediaType == MediaType.Audio && p.Slot == PluginClass.Featurer,
                p.Descriptor.Execution))
            .OrderBy(s => s.Level)
            .ThenBy(s => s.Class)
            .ThenBy(s => s.Plugin, StringComparer.Ordinal)
            .ToList();

        var features = profile.Plugins.SelectMany(p => p.Descriptor.MediaFeatures).Distinct().Order().ToList();
        var detectors = profile.Optimizer?.DependsOn ?? [];
        return new ExecutionPlan(stages, features, detectors);
    }
}
