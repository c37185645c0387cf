using System.Text.Json;

namespace ReplayWorkflows.Data.Sql;

/// <summary>
/// JSON columns are stored as text, byte for byte as given, on both providers (PostgreSQL jsonb would reorder keys and
/// break deterministic exports). They are checked on write so bad JSON fails at the caller, not at a later reader.
/// </summary>
internal static class JsonText
{
    public static string Require(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ArgumentException($"{what} must be JSON text, not empty", what);
        }

        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{what} is not valid JSON: {ex.Message}", what, ex);
        }

        return json;
    }

    public static string? Optional(string? json, string what) => json is null ? null : Require(json, what);
}
