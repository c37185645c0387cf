using Temporalio.Api.Enums.V1;
using Temporalio.Workflows;

namespace Temporalio.Common;

/// <summary>
/// An untyped search attribute key: a name and its indexed value type. Made only by the Create* factories (as in the
/// official SDK); equal when name and type are, ordered by name then type.
/// </summary>
public class SearchAttributeKey : IComparable<SearchAttributeKey>, IEquatable<SearchAttributeKey>
{
    internal SearchAttributeKey(string name, IndexedValueType valueType)
    {
        Name = name;
        ValueType = valueType;
    }

    public string Name { get; private init; }

    public IndexedValueType ValueType { get; private init; }

    public static bool operator ==(SearchAttributeKey? left, SearchAttributeKey? right) => Equals(left, right);

    public static bool operator !=(SearchAttributeKey? left, SearchAttributeKey? right) => !Equals(left, right);

    public static bool operator <(SearchAttributeKey? left, SearchAttributeKey? right) => Compare(left, right) < 0;

    public static bool operator <=(SearchAttributeKey? left, SearchAttributeKey? right) => Compare(left, right) <= 0;

    public static bool operator >(SearchAttributeKey? left, SearchAttributeKey? right) => Compare(left, right) > 0;

    public static bool operator >=(SearchAttributeKey? left, SearchAttributeKey? right) => Compare(left, right) >= 0;

    public static SearchAttributeKey<string> CreateText(string name) => new(name, IndexedValueType.Text);

    public static SearchAttributeKey<string> CreateKeyword(string name) => new(name, IndexedValueType.Keyword);

    public static SearchAttributeKey<long> CreateLong(string name) => new(name, IndexedValueType.Int);

    public static SearchAttributeKey<double> CreateDouble(string name) => new(name, IndexedValueType.Double);

    public static SearchAttributeKey<bool> CreateBool(string name) => new(name, IndexedValueType.Bool);

    public static SearchAttributeKey<DateTimeOffset> CreateDateTimeOffset(string name) => new(name, IndexedValueType.Datetime);

    public static SearchAttributeKey<IReadOnlyCollection<string>> CreateKeywordList(string name) => new(name, IndexedValueType.KeywordList);

    public int CompareTo(SearchAttributeKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : ValueType.CompareTo(other.ValueType);
    }

    public bool Equals(SearchAttributeKey? other) => other is not null && Name == other.Name && ValueType == other.ValueType;

    public override bool Equals(object? obj) => obj is SearchAttributeKey key && Equals(key);

    public override int GetHashCode() => HashCode.Combine(Name, ValueType);

    public override string ToString() => $"{Name} ({ValueType})";

    private static int Compare(SearchAttributeKey? left, SearchAttributeKey? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}

/// <summary>A typed search attribute key.</summary>
public class SearchAttributeKey<T> : SearchAttributeKey
    where T : notnull
{
    internal SearchAttributeKey(string name, IndexedValueType valueType)
        : base(name, valueType)
    {
    }

    /// <summary>An update that sets this attribute to <paramref name="value"/>.</summary>
    public SearchAttributeUpdate<T> ValueSet(T value) => SearchAttributeUpdate.ValueSet(this, value);

    /// <summary>An update that unsets this attribute.</summary>
    public SearchAttributeUpdate<T> ValueUnset() => SearchAttributeUpdate.ValueUnset(this);
}
