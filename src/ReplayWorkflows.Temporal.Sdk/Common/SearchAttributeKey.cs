using Temporalio.Api.Enums.V1;
using Temporalio.Workflows;

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
}

/// <summary>A typed search attribute key.</summary>
public record SearchAttributeKey<T>(string Name, IndexedValueType ValueType) : SearchAttributeKey(Name, ValueType)
    where T : notnull
{
    /// <summary>An update that sets this attribute to <paramref name="value"/>.</summary>
    public SearchAttributeUpdate<T> ValueSet(T value) => SearchAttributeUpdate.ValueSet(this, value);

    /// <summary>An update that unsets this attribute.</summary>
    public SearchAttributeUpdate<T> ValueUnset() => SearchAttributeUpdate.ValueUnset(this);
}
