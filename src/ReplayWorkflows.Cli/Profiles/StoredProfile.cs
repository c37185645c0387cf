using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReplayWorkflows.Cli.Profiles;

/// <summary>
/// How a profile sits in the data plane's Profiles store: the original file text, untouched, wrapped in JSON
/// (<c>{"format":"yaml"|"json","source":"...","sourceName":"file.yaml"}</c>), so any reader re-validates it with
/// <c>ProfileLoader.Load(Text, SourceName, catalog)</c> and reports problems with the same lines and columns as the file.
/// </summary>
internal static class StoredProfile
{
    public const string Yaml = "yaml";
    public const string Json = "json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The definition JSON of profile text read from <paramref name="sourceName"/> (a file name; its extension, or a
    /// leading <c>{</c>, decides the format the way <c>ProfileLoader</c> does).
    /// </summary>
    public static string ToDefinitionJson(string sourceText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return JsonSerializer.Serialize(new Definition(FormatOf(sourceText, sourceName), sourceText, sourceName), Options);
    }

    /// <summary>
    /// The original text and the name to load it under. A definition without a source name gets <c>profile.yaml</c> or
    /// <c>profile.json</c>, so the loader still picks the right format. Throws <see cref="CliUserException"/> when
    /// <paramref name="json"/> is not a stored profile.
    /// </summary>
    public static (string Text, string SourceName) FromDefinitionJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Definition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<Definition>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new CliUserException($"stored profile definition is not valid JSON: {ex.Message}");
        }

        if (definition?.Source is not { } source)
        {
            throw new CliUserException("stored profile definition has no 'source' text (apply the profile again with 'replay profile apply -f FILE')");
        }

        var format = definition.Format ?? FormatOf(source, definition.SourceName ?? "");
        if (format is not (Yaml or Json))
        {
            throw new CliUserException($"stored profile definition has format '{format}'; expected {Yaml} or {Json}");
        }

        var name = string.IsNullOrWhiteSpace(definition.SourceName) ? $"profile.{format}" : definition.SourceName;
        return (source, name);
    }

    /// <summary>json when the name ends in .json or the text starts with <c>{</c>, else yaml (the loader's own rule).</summary>
    public static string FormatOf(string sourceText, string sourceName) =>
        sourceName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || sourceText.TrimStart().StartsWith('{') ? Json : Yaml;

    private sealed record Definition(string? Format, string? Source, string? SourceName);
}
