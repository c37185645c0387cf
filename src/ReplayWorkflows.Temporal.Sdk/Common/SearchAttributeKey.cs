using Temporalio.Api.Enums.V1;

namespace Temporalio.Common;

/// <summary>An untyped search attribute key: a name and its indexed value type.</summary>
public record SearchAttributeKey(string Name, IndexedValueType ValueType)
{
    public static SearchAttributeKey<string> CreateKeyword(string name) => new(name, IndexedValueType.Keyword);

    public static SearchAttributeKey<string> CreateText(string name) => new(name, IndexedValueType.Text);

    public static SearchAttributeKey<long> CreateLong(string name) => new(name, IndexedValueType.Int);

    public static SearchAttributeKey<double> CreateDouble(string name) => new(name, IndexedValueType.Double);

    public static SearchAttributeKey<bool> CreateBool(string name) => new(name, IndexedValueType.Bool);

    public static SearchAttributeKey<DateTimeOffset> CreateDateTimeOffset(string name) => new(name, IndexedValueType.Datetime);

    public static SearchAttributeKey<IReadOnlyCollection<string>> CreateKeywordList(string name) => new(name, IndexedValueType.KeywordList);

    /// <summary>A value that unsets this attribute in an upsert.</summary>
    public SearchAttributeUpdate ValueUnset() => new(this, null);
}

/// <summary>A typed search attribute key.</summary>
public record SearchAttributeKey<T>(string Name, IndexedValueType ValueType) : SearchAttributeKey(Name, ValueType)
    where T : notnull
{
    /// <summary>An update that sets this attribute to <paramref name="value"/>.</summary>
    public SearchAttributeUpdate ValueSet(T value) => new(this, value);
}

/// <summary>One change to a workflow's search attributes: a value to set, or null to unset.</summary>
public record SearchAttributeUpdate(SearchAttributeKey Key, object? Value)
{
    public bool HasValue => Value is not null;
}
