using System.Globalization;

namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// A plugin's resolved configuration: its schema defaults overlaid with the profile's overrides. Values are
/// invariant-culture strings so the record serialises losslessly into activity payloads.
/// </summary>
public sealed record PluginConfiguration(IReadOnlyDictionary<string, string> Values)
{
    public static PluginConfiguration Empty { get; } = new(new Dictionary<string, string>());

    public string GetString(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw Missing(name);

    public long GetInt64(string name) => long.Parse(GetString(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public double GetDouble(string name) => double.Parse(GetString(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public bool GetBoolean(string name) => GetString(name) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"configuration '{name}' is '{other}', not true or false"),
    };

    /// <summary>The defaults of <paramref name="schema"/> with <paramref name="overrides"/> on top, ordered by name.</summary>
    public static PluginConfiguration Resolve(IEnumerable<ConfigParameter> schema, IReadOnlyDictionary<string, string>? overrides)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in schema)
        {
            if (p.Default is not null)
            {
                values[p.Name] = p.Default;
            }
        }

        if (overrides is not null)
        {
            foreach (var (k, v) in overrides)
            {
                values[k] = v;
            }
        }

        return new PluginConfiguration(values);
    }

    private static KeyNotFoundException Missing(string name) => new($"configuration has no value for '{name}'");
}
