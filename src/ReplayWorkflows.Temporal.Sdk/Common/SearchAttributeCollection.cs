using System.Collections;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Workflows;

namespace Temporalio.Common;

/// <summary>An immutable set of typed search attributes, as Temporal indexes them for visibility queries.</summary>
public sealed class SearchAttributeCollection : IReadOnlyCollection<SearchAttributeKey>
{
    private readonly Dictionary<string, KeyValuePair<SearchAttributeKey, object>> values;

    private SearchAttributeCollection(Dictionary<string, KeyValuePair<SearchAttributeKey, object>> values) => this.values = values;

    public static SearchAttributeCollection Empty { get; } = new(new(StringComparer.Ordinal));

    public int Count => values.Count;

    /// <summary>The values by key, untyped.</summary>
    public IReadOnlyDictionary<SearchAttributeKey, object> UntypedValues => values.Values.ToDictionary(kv => kv.Key, kv => kv.Value);

    public bool ContainsKey<T>(SearchAttributeKey<T> key)
        where T : notnull => values.TryGetValue(key.Name, out var pair) && pair.Key.ValueType == key.ValueType;

    public bool ContainsKey(string name) => values.ContainsKey(name);

    public T Get<T>(SearchAttributeKey<T> key)
        where T : notnull =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no search attribute {key.Name}");

    public bool TryGetValue<T>(SearchAttributeKey<T> key, out T value)
        where T : notnull
    {
        if (values.TryGetValue(key.Name, out var pair) && pair.Value is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    public IEnumerator<SearchAttributeKey> GetEnumerator() => values.Values.Select(kv => kv.Key).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal SearchAttributeCollection With(IEnumerable<SearchAttributeUpdate> updates)
    {
        var copy = new Dictionary<string, KeyValuePair<SearchAttributeKey, object>>(values, StringComparer.Ordinal);
        foreach (var update in updates)
        {
            if (update.UntypedValue is not { } value)
            {
                copy.Remove(update.UntypedKey.Name);
            }
            else
            {
                copy[update.UntypedKey.Name] = new(update.UntypedKey, value);
            }
        }

        return new SearchAttributeCollection(copy);
    }

    internal Api.Common.V1.SearchAttributes ToProto()
    {
        var proto = new Api.Common.V1.SearchAttributes();
        foreach (var (name, pair) in values)
        {
            proto.IndexedFields[name] = ToPayload(pair.Key, pair.Value);
        }

        return proto;
    }

    internal static Payload ToPayload(SearchAttributeKey key, object? value)
    {
        var json = value switch
        {
            null => "null",
            DateTimeOffset time => JsonSerializer.Serialize(time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture)),
            _ => JsonSerializer.Serialize(value),
        };
        return new Payload
        {
            Metadata =
            {
                ["encoding"] = ByteString.CopyFromUtf8("json/plain"),
                ["type"] = ByteString.CopyFromUtf8(TypeName(key.ValueType)),
            },
            Data = ByteString.CopyFromUtf8(json),
        };
    }

    internal static SearchAttributeCollection FromProto(Api.Common.V1.SearchAttributes? proto)
    {
        var values = new Dictionary<string, KeyValuePair<SearchAttributeKey, object>>(StringComparer.Ordinal);
        if (proto is null)
        {
            return new SearchAttributeCollection(values);
        }

        foreach (var (name, payload) in proto.IndexedFields)
        {
            var typeName = payload.Metadata.TryGetValue("type", out var t) ? t.ToStringUtf8() : string.Empty;
            using var doc = JsonDocument.Parse(payload.Data.Memory);
            var element = doc.RootElement;
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            KeyValuePair<SearchAttributeKey, object> pair = typeName switch
            {
                "Int" => new(SearchAttributeKey.CreateLong(name), element.GetInt64()),
                "Double" => new(SearchAttributeKey.CreateDouble(name), element.GetDouble()),
                "Bool" => new(SearchAttributeKey.CreateBool(name), element.GetBoolean()),
                "Datetime" => new(SearchAttributeKey.CreateDateTimeOffset(name), DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture)),
                "KeywordList" => new(SearchAttributeKey.CreateKeywordList(name), element.ValueKind == JsonValueKind.Array
                    ? element.EnumerateArray().Select(e => e.GetString()!).ToList()
                    : new List<string> { element.GetString()! }),
                "Text" => new(SearchAttributeKey.CreateText(name), element.GetString()!),
                _ => new(SearchAttributeKey.CreateKeyword(name), element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText()),
            };
            values[name] = pair;
        }

        return new SearchAttributeCollection(values);
    }

    private static string TypeName(IndexedValueType type) => type switch
    {
        IndexedValueType.Text => "Text",
        IndexedValueType.Int => "Int",
        IndexedValueType.Double => "Double",
        IndexedValueType.Bool => "Bool",
        IndexedValueType.Datetime => "Datetime",
        IndexedValueType.KeywordList => "KeywordList",
        _ => "Keyword",
    };

    /// <summary>Builds a collection, empty or from an existing one.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, KeyValuePair<SearchAttributeKey, object>> values;

        public Builder() => values = new(StringComparer.Ordinal);

        public Builder(SearchAttributeCollection collection)
        {
            ArgumentNullException.ThrowIfNull(collection);
            values = new(collection.values, StringComparer.Ordinal);
        }

        public Builder Set<T>(SearchAttributeKey<T> key, T value)
            where T : notnull
        {
            ArgumentNullException.ThrowIfNull(key);
            values[key.Name] = new(key, value);
            return this;
        }

        public Builder Unset<T>(SearchAttributeKey<T> key)
            where T : notnull => Unset(key.Name);

        public Builder Unset(string name)
        {
            values.Remove(name);
            return this;
        }

        public SearchAttributeCollection ToSearchAttributeCollection() => new(new(values, StringComparer.Ordinal));
    }
}
