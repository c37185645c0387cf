using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Profiles;

/// <summary>
/// Checks a profile draft against the plugin catalog and reports every problem, not just the first: unknown plugins
/// and versions, plugins in the wrong slot, slot counts, duplicates, configuration against each plugin's schema,
/// dependencies that are missing or not featurers, and dependency cycles (named, e.g. <c>A -> B -> A</c>).
/// </summary>
internal sealed class ProfileValidator
{
    private readonly string _source;
    private readonly PluginCatalog _catalog;
    private readonly List<ProfileProblem> _problems;

    private ProfileValidator(string source, PluginCatalog catalog, List<ProfileProblem> problems)
    {
        _source = source;
        _catalog = catalog;
        _problems = problems;
    }

    public static Profile? Validate(ProfileDraft draft, PluginCatalog catalog, string source, List<ProfileProblem> problems) =>
        new ProfileValidator(source, catalog, problems).Run(draft);

    private Profile? Run(ProfileDraft draft)
    {
        var before = _problems.Count;
        Require(draft.Name, "name", draft);
        Require(draft.ChunkSizeSeconds, "chunkSizeSeconds", draft);
        Require(draft.MaxSegmentLengthSeconds, "maxSegmentLengthSeconds", draft);
        Require(draft.ProcessingFrameRate, "processingFrameRate", draft);
        FrameRate frameRate = default;
        if (draft.ProcessingFrameRate is { } fr && !FrameRate.TryParse(fr.Value, out frameRate))
        {
            Add(fr.Line, fr.Column, ProfileProblemKind.InvalidValue, $"'{fr.Value}' is not a frame rate; use 25, 29.97, 30000/1001, ...");
        }

        if (draft.Classifiers.Count == 0)
        {
            Add(draft.Line, draft.Column, ProfileProblemKind.SlotCount, "a profile needs exactly one classifier; add a 'classifier:' entry");
        }

        CheckAtMostOne(draft.Classifiers, "exactly one classifier");
        CheckAtMostOne(draft.Optimizers, "at most one optimizer");
        CheckAtMostOne(draft.Labelers, "at most one labeler");

        var entries = new List<Entry>();
        entries.AddRange(draft.Featurers.Select(d => Resolve(d, PluginClass.Featurer)).OfType<Entry>());
        entries.AddRange(draft.Classifiers.Select(d => Resolve(d, PluginClass.Classifier)).OfType<Entry>());
        entries.AddRange(draft.Labelers.Select(d => Resolve(d, PluginClass.Labeler)).OfType<Entry>());
        entries.AddRange(draft.Optimizers.Select(d => Resolve(d, PluginClass.Optimizer)).OfType<Entry>());

        var byName = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!byName.TryAdd(e.Name, e))
            {
                Add(e.Draft.Line, e.Draft.Column, ProfileProblemKind.DuplicatePlugin,
                    $"{e.Name} is already in this profile (line {byName[e.Name].Draft.Line}); a plugin may fill one place only");
            }
        }

        foreach (var e in entries)
        {
            CheckDependencies(e, byName);
        }

        CheckCycles(entries.Where(e => e.Slot == PluginClass.Featurer).DistinctBy(e => e.Name).ToList(), byName);

        if (_problems.Count > before)
        {
            return null;
        }

        ProfilePlugin Build(Entry e) => new(e.Descriptor!, e.Slot, e.DependsOn.Select(d => d.Value).Distinct(StringComparer.Ordinal).ToList(),
            PluginConfiguration.Resolve(e.Descriptor!.Configuration, e.Draft.Configuration.ToDictionary(c => c.Key.Value, c => c.Value.Value, StringComparer.Ordinal)));

        return new Profile(
            draft.Name!.Value,
            draft.Description,
            draft.ChunkSizeSeconds!.Value * 1000,
            frameRate,
            draft.MaxSegmentLengthSeconds!.Value * 1000,
            Build(entries.Single(e => e.Slot == PluginClass.Classifier)),
            entries.Where(e => e.Slot == PluginClass.Optimizer).Select(Build).SingleOrDefault(),
            entries.Where(e => e.Slot == PluginClass.Labeler).Select(Build).SingleOrDefault(),
            entries.Where(e => e.Slot == PluginClass.Featurer).Select(Build).ToList());
    }

    private void CheckAtMostOne(IReadOnlyList<DraftPlugin> slot, string rule)
    {
        foreach (var extra in slot.Skip(1))
        {
            Add(extra.Line, extra.Column, ProfileProblemKind.SlotCount, $"a profile has {rule}; remove this entry");
        }
    }

    private Entry? Resolve(DraftPlugin draft, PluginClass slot)
    {
        if (draft.Name is not { } name)
        {
            Add(draft.Line, draft.Column, ProfileProblemKind.MissingField, "this plugin entry has no 'plugin:' name");
            return null;
        }

        var versions = _catalog.VersionsOf(name.Value);
        if (versions.Count == 0)
        {
            var known = string.Join(", ", _catalog.All.Where(d => d.Class == slot).Select(d => d.Name).Distinct());
            Add(name.Line, name.Column, ProfileProblemKind.UnknownPlugin,
                $"unknown plugin '{name.Value}'; registered {slot.ToString().ToLowerInvariant()}s: {(known.Length == 0 ? "none" : known)}");
            return null;
        }

        var descriptor = _catalog.Find(name.Value, draft.Version?.Value);
        if (descriptor is null)
        {
            var v = draft.Version!;
            Add(v.Line, v.Column, ProfileProblemKind.UnknownVersion,
                $"{name.Value} has no version {v.Value}; registered versions: {string.Join(", ", versions)}");
            return null;
        }

        var entry = new Entry(draft, slot, descriptor, name.Value, [.. draft.DependsOn]);
        if (descriptor.Class != slot)
        {
            Add(name.Line, name.Column, ProfileProblemKind.WrongSlot,
                $"{name.Value} is a {descriptor.Class}, so it cannot be {SlotName(slot)}; put it under {SlotKey(descriptor.Class)}");
        }

        foreach (var dep in descriptor.Dependencies)
        {
            if (!entry.DependsOn.Any(d => d.Value == dep))
            {
                entry.DependsOn.Add(new Located<string>(dep, name.Line, name.Column));
            }
        }

        CheckConfiguration(entry);
        return entry;
    }

    private void CheckConfiguration(Entry e)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in e.Draft.Configuration)
        {
            given.Add(key.Value);
            var parameter = e.Descriptor!.FindParameter(key.Value);
            if (parameter is null)
            {
                var known = string.Join(", ", e.Descriptor.Configuration.Select(p => p.Name));
                Add(key.Line, key.Column, ProfileProblemKind.InvalidConfiguration,
                    $"{e.Name} has no configuration parameter '{key.Value}'; its parameters: {(known.Length == 0 ? "none" : known)}");
            }
            else if (parameter.Check(value.Value) is { } error)
            {
                Add(value.Line, value.Column, ProfileProblemKind.InvalidConfiguration, $"{e.Name}: {error}");
            }
        }

        foreach (var p in e.Descriptor!.Configuration.Where(p => p.Required && p.Default is null && !given.Contains(p.Name)))
        {
            Add(e.Draft.Line, e.Draft.Column, ProfileProblemKind.InvalidConfiguration, $"{e.Name} needs configuration '{p.Name}' ({p.Type})");
        }
    }

    private void CheckDependencies(Entry e, Dictionary<string, Entry> byName)
    {
        foreach (var dep in e.DependsOn)
        {
            if (dep.Value == e.Name)
            {
                Add(dep.Line, dep.Column, ProfileProblemKind.DependencyCycle, $"dependency cycle: {e.Name} -> {e.Name}");
            }
            else if (!byName.TryGetValue(dep.Value, out var target))
            {
                Add(dep.Line, dep.Column, ProfileProblemKind.MissingDependency,
                    $"{e.Name} depends on {dep.Value}, which is not in this profile; add it under featurers");
            }
            else if (target.Slot != PluginClass.Featurer)
            {
                Add(dep.Line, dep.Column, ProfileProblemKind.InvalidDependency,
                    $"{e.Name} depends on {dep.Value}, the {SlotName(target.Slot)}; only featurers can be dependencies");
            }
        }
    }

    // Depth-first search over featurer -> featurer edges; a grey node met again closes a cycle, reported once.
    private void CheckCycles(List<Entry> featurers, Dictionary<string, Entry> byName)
    {
        var colour = featurers.ToDictionary(f => f.Name, _ => 0, StringComparer.Ordinal);
        var path = new List<Entry>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(Entry e)
        {
            colour[e.Name] = 1;
            path.Add(e);
            foreach (var dep in e.DependsOn)
            {
                if (dep.Value == e.Name || !byName.TryGetValue(dep.Value, out var next) || next.Slot != PluginClass.Featurer || !colour.ContainsKey(next.Name))
                {
                    continue;
                }

                if (colour[next.Name] == 1)
                {
                    var cycle = path.Skip(path.FindIndex(p => p.Name == next.Name)).Select(p => p.Name).Append(next.Name).ToList();
                    var key = string.Join(",", cycle.Skip(1).Order(StringComparer.Ordinal));
                    if (reported.Add(key))
                    {
                        Add(dep.Line, dep.Column, ProfileProblemKind.DependencyCycle, $"dependency cycle: {string.Join(" -> ", cycle)}");
                    }
                }
                else if (colour[next.Name] == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            colour[e.Name] = 2;
        }

        foreach (var f in featurers.Where(f => colour[f.Name] == 0))
        {
            Visit(f);
        }
    }

    private void Require<T>(Located<T>? value, string field, ProfileDraft draft)
    {
        if (value is null)
        {
            Add(draft.Line, draft.Column, ProfileProblemKind.MissingField, $"the profile has no valid '{field}'");
        }
    }

    private void Add(int line, int column, ProfileProblemKind kind, string message) =>
        _problems.Add(new ProfileProblem(_source, line, column, kind, message));

    private static string SlotName(PluginClass slot) => slot switch
    {
        PluginClass.Featurer => "a featurer",
        PluginClass.Classifier => "the classifier",
        PluginClass.Optimizer => "the optimizer",
        _ => "the labeler",
    };

    private static string SlotKey(PluginClass slot) => slot switch
    {
        PluginClass.Featurer => "'featurers:'",
        PluginClass.Classifier => "'classifier:'",
        PluginClass.Optimizer => "'optimizer:'",
        _ => "'labeler:'",
    };

    private sealed record Entry(DraftPlugin Draft, PluginClass Slot, PluginDescriptor? Descriptor, string Name, List<Located<string>> DependsOn);
}
