using Temporalio.Common;

namespace Temporalio.Workflows;

/// <summary>One change to a workflow's search attributes (see <see cref="Workflow.UpsertTypedSearchAttributes"/>): set or unset.</summary>
public abstract class SearchAttributeUpdate
{
    private protected SearchAttributeUpdate(SearchAttributeKey untypedKey, object? untypedValue)
    {
        UntypedKey = untypedKey;
        UntypedValue = untypedValue;
    }

    public SearchAttributeKey UntypedKey { get; }

    /// <summary>The value to set, or null to unset.</summary>
    public object? UntypedValue { get; }

    public bool HasValue => UntypedValue is not null;

    public static SearchAttributeUpdate<T> ValueSet<T>(SearchAttributeKey<T> key, T value)
        where T : notnull => new(key, value, hasValue: true);

    public static SearchAttributeUpdate<T> ValueUnset<T>(SearchAttributeKey<T> key)
        where T : notnull => new(key, default, hasValue: false);
}

/// <summary>A typed change to one search attribute.</summary>
public sealed class SearchAttributeUpdate<T> : SearchAttributeUpdate
    where T : notnull
{
    internal SearchAttributeUpdate(SearchAttributeKey<T> key, T? value, bool hasValue)
        : base(key, hasValue ? value : null)
    {
        Key = key;
        Value = value;
    }

    public SearchAttributeKey<T> Key { get; }

    public T? Value { get; }
}
