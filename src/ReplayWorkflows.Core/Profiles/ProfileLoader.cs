using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Profiles;

/// <summary>Loads profile files (YAML or JSON) and validates them against a plugin catalog.</summary>
public static class ProfileLoader
{
    /// <summary>Reads and validates <paramref name="text"/>; <paramref name="source"/> names it in problems.</summary>
    public static ProfileLoadResult Load(string text, string source, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        // JSON is read by the YAML parser (flow style) so both formats report lines the same way. YAML forbids tabs
        // as indentation; JSON allows them only as whitespace (never inside strings), so replacing them is safe.
        if (LooksLikeJson(source, text))
        {
            text = text.Replace('\t', ' ');
        }

        var problems = new List<ProfileProblem>();
        var draft = ProfileReader.Read(text, source, problems);
        var profile = draft is null ? null : ProfileValidator.Validate(draft, catalog, source, problems);
        var sorted = problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new ProfileLoadResult(sorted.Count == 0 ? profile : null, sorted);
    }

    public static ProfileLoadResult LoadFile(string path, PluginCatalog catalog) =>
        Load(File.ReadAllText(path), path, catalog);

    private static bool LooksLikeJson(string source, string text) =>
        source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');
}
