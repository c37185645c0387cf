namespace ReplayWorkflows.Data.Records;

/// <summary>
/// One registered version of a plugin. (Name, Version) is immutable once registered; the class and media type are
/// columns because catalogs list by them, the rest (execution, configuration schema and defaults, output attributes,
/// dependencies) is <see cref="DefinitionJson"/>.
/// </summary>
public sealed record PluginRecord(
    string Name,
    string Version,
    string PluginClass,
    string MediaType,
    string DefinitionJson,
    bool Enabled = true,
    long RegisteredUnixMs = 0);
