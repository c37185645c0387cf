namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>A parsed list filter: a predicate (null = everything), the sort order and an optional grouping.</summary>
internal sealed record ListFilter(FilterNode? Where, IReadOnlyList<SortKey> OrderBy, string? GroupBy);

/// <summary>One ORDER BY term.</summary>
internal sealed record SortKey(string Field, bool Descending);

/// <summary>A node of the filter's expression tree.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

/// <summary><c>field op value</c>; op is one of = != &lt; &gt; &lt;= &gt;= STARTS_WITH.</summary>
internal sealed record CompareNode(string Field, string Operator, FilterValue Value) : FilterNode;

internal sealed record InNode(string Field, IReadOnlyList<FilterValue> Values, bool Negated) : FilterNode;

internal sealed record BetweenNode(string Field, FilterValue Low, FilterValue High, bool Negated) : FilterNode;

internal sealed record IsNullNode(string Field, bool Negated) : FilterNode;

/// <summary>A literal: a string or a number as written.</summary>
internal sealed record FilterValue(string Text, bool IsString);
