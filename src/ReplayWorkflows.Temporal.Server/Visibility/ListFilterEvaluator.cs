using System.Globalization;
using System.Text.Json;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.History;
using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>Evaluates a <see cref="ListFilter"/> against runs; checks every field name against the catalog first.</summary>
internal sealed class ListFilterEvaluator
{
    private readonly IReadOnlyDictionary<string, IndexedValueType> custom;

    public ListFilterEvaluator(IReadOnlyDictionary<string, IndexedValueType> custom)
    {
        this.custom = custom;
    }

    public IndexedValueType TypeOf(string field) =>
        SearchAttributeCatalog.System.TryGetValue(field, out var type) || custom.TryGetValue(field, out type)
            ? type
            : throw new GrpcException(GrpcStatusCode.InvalidArgument, $"invalid query: unknown search attribute '{field}'");

    public void Validate(ListFilter filter)
    {
        Visit(filter.Where);
        foreach (var key in filter.OrderBy)
        {
            TypeOf(key.Field);
        }

        if (filter.GroupBy is { } group && group != "ExecutionStatus")
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "invalid query: GROUP BY supports only ExecutionStatus");
        }

        void Visit(FilterNode? node)
        {
            switch (node)
            {
                case AndNode a:
                    Visit(a.Left);
                    Visit(a.Right);
                    break;
                case OrNode o:
                    Visit(o.Left);
                    Visit(o.Right);
                    break;
                case CompareNode c:
                    TypeOf(c.Field);
                    break;
                case InNode i:
                    TypeOf(i.Field);
                    break;
                case BetweenNode b:
                    TypeOf(b.Field);
                    break;
                case IsNullNode n:
                    TypeOf(n.Field);
                    break;
                default:
                    break;
            }
        }
    }

    public bool Matches(FilterNode? node, MutableState run) => node switch
    {
        null => true,
        AndNode a => Matches(a.Left, run) && Matches(a.Right, run),
        OrNode o => Matches(o.Left, run) || Matches(o.Right, run),
        CompareNode c => CompareMatches(c, run),
        InNode i => i.Values.Any(v => Compare(Value(i.Field, run), v, i.Field) == 0) != i.Negated,
        BetweenNode b => (Compare(Value(b.Field, run), b.Low, b.Field) >= 0 && Compare(Value(b.Field, run), b.High, b.Field) <= 0) != b.Negated,
        IsNullNode n => (Value(n.Field, run) is null) != n.Negated,
        _ => false,
    };

    private bool CompareMatches(CompareNode c, MutableState run)
    {
        var value = Value(c.Field, run);
        if (c.Operator == "STARTS_WITH")
        {
            return value is string s && s.StartsWith(c.Value.Text, StringComparison.Ordinal);
        }

        if (value is null)
        {
            return c.Operator == "!=";
        }

        var cmp = Compare(value, c.Value, c.Field);
        return c.Operator switch
        {
            "=" => cmp == 0,
            "!=" => cmp != 0,
            "<" => cmp < 0,
            ">" => cmp > 0,
            "<=" => cmp <= 0,
            _ => cmp >= 0,
        };
    }

    /// <summary>Orders a run value against a literal; null sorts first.</summary>
    private static int Compare(object? value, FilterValue literal, string field)
    {
        switch (value)
        {
            case null:
                return -1;
            case DateTimeOffset time:
                if (!DateTimeOffset.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var other))
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument, $"invalid query: '{literal.Text}' is not a valid time for {field}");
                }

                return time.CompareTo(other);
            case double number:
                if (!double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                {
                    throw new GrpcException(GrpcStatusCode.InvalidArgument, $"invalid query: '{literal.Text}' is not a number for {field}");
                }

                return number.CompareTo(n);
            case bool flag:
                return flag.CompareTo(string.Equals(literal.Text, "true", StringComparison.OrdinalIgnoreCase));
            default:
                return string.CompareOrdinal(value.ToString(), literal.Text);
        }
    }

    public object? Value(string field, MutableState run)
    {
        var type = TypeOf(field);
        return field switch
        {
            "WorkflowId" => run.Key.WorkflowId,
            "RunId" => run.Key.RunId,
            "WorkflowType" => run.WorkflowType,
            "ExecutionStatus" => StatusName(run.Status),
            "StartTime" => run.StartTime,
            "ExecutionTime" => run.StartTime,
            "CloseTime" => run.CloseTime,
            "ExecutionDuration" => run.CloseTime is { } close ? (close - run.StartTime).TotalMilliseconds * 1_000_000 : null,
            "HistoryLength" => (double)run.Events.Count,
            "TaskQueue" => run.TaskQueue,
            "ParentWorkflowId" => run.Started.ParentWorkflowExecution?.WorkflowId,
            "ParentRunId" => run.Started.ParentWorkflowExecution?.RunId,
            _ => CustomValue(field, type, run),
        };
    }

    public static string StatusName(WorkflowExecutionStatus status) => status switch
    {
        WorkflowExecutionStatus.Running => "Running",
        WorkflowExecutionStatus.Completed => "Completed",
        WorkflowExecutionStatus.Failed => "Failed",
        WorkflowExecutionStatus.Canceled => "Canceled",
        WorkflowExecutionStatus.Terminated => "Terminated",
        WorkflowExecutionStatus.ContinuedAsNew => "ContinuedAsNew",
        WorkflowExecutionStatus.TimedOut => "TimedOut",
        _ => "Unspecified",
    };

    private static object? CustomValue(string field, IndexedValueType type, MutableState run)
    {
        if (!run.SearchAttributes.IndexedFields.TryGetValue(field, out var payload) || payload.Data.IsEmpty)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(payload.Data.Memory);
            var element = doc.RootElement;
            if (element.ValueKind == JsonValueKind.Array)
            {
                element = element.GetArrayLength() > 0 ? element[0] : default;
            }

            return element.ValueKind switch
            {
                JsonValueKind.Number => element.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when type == IndexedValueType.Datetime && element.TryGetDateTimeOffset(out var time) => time,
                JsonValueKind.String => element.GetString(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
