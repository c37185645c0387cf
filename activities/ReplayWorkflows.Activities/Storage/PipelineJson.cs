using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReplayWorkflows.Activities.Storage;

/// <summary>The JSON the pipeline stores in the data plane (analyses, plugin payloads, features, replay specs).</summary>
internal static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} is empty");
}
