using System.Buffers.Binary;
using Google.Protobuf;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Namespaces;
using Temporalio.Api.Common.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Visibility;

/// <summary>ListWorkflowExecutions and CountWorkflowExecutions over the engine's runs.</summary>
internal static class VisibilityService
{
    public static ListWorkflowExecutionsResponse List(HistoryEngine engine, NamespaceRecord ns, string query, int pageSize, ByteString pageToken)
    {
        var filter = ListFilterParser.Parse(query);
        var evaluator = new ListFilterEvaluator(ns.CustomSearchAttributes);
        evaluator.Validate(filter);
        var offset = pageToken.Length == 4 ? BinaryPrimitives.ReadInt32BigEndian(pageToken.Span) : 0;
        var size = pageSize > 0 ? pageSize : 1000;
        var response = new ListWorkflowExecutionsResponse();
        engine.Read(() =>
        {
            var matched = engine.AllRunsLocked(ns.Name).Where(r => evaluator.Matches(filter.Where, r));
            IOrderedEnumerable<MutableState>? ordered = null;
            foreach (var key in filter.OrderBy)
            {
                Func<MutableState, object?> selector = r => evaluator.Value(key.Field, r);
                ordered = ordered is null
                    ? (key.Descending ? matched.OrderByDescending(selector, ValueComparer.Instance) : matched.OrderBy(selector, ValueComparer.Instance))
                    : (key.Descending ? ordered.ThenByDescending(selector, ValueComparer.Instance) : ordered.ThenBy(selector, ValueComparer.Instance));
            }

            // Temporal's default order: running first by start time, newest first.
            var list = (ordered ?? matched.OrderByDescending(r => r.StartTime)).Skip(offset).Take(size + 1).ToList();
            foreach (var run in list.Take(size))
            {
                response.Executions.Add(HistoryEngine.ExecutionInfo(run));
            }

            if (list.Count > size)
            {
                var token = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(token, offset + size);
                response.NextPageToken = ByteString.CopyFrom(token);
            }

            return true;
        });
        return response;
    }

    public static CountWorkflowExecutionsResponse Count(HistoryEngine engine, NamespaceRecord ns, string query)
    {
        var filter = ListFilterParser.Parse(query);
        var evaluator = new ListFilterEvaluator(ns.CustomSearchAttributes);
        evaluator.Validate(filter);
        return engine.Read(() =>
        {
            var matched = engine.AllRunsLocked(ns.Name).Where(r => evaluator.Matches(filter.Where, r)).ToList();
            var response = new CountWorkflowExecutionsResponse { Count = matched.Count };
            if (filter.GroupBy is not null)
            {
                foreach (var group in matched.GroupBy(r => ListFilterEvaluator.StatusName(r.Status)).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var value = new Payload { Data = ByteString.CopyFromUtf8("\"" + group.Key + "\"") };
                    value.Metadata["encoding"] = ByteString.CopyFromUtf8("json/plain");
                    response.Groups.Add(new CountWorkflowExecutionsResponse.Types.AggregationGroup { Count = group.Count(), GroupValues = { value } });
                }
            }

            return response;
        });
    }

    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            _ => string.CompareOrdinal(x.ToString(), y.ToString()),
        };
    }
}
