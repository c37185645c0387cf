using Dapper;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

/// <summary>The event and time-range queries the pipeline runs per chunk are served by an index, never a table scan.</summary>
public sealed class QueryPlanTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    public static TheoryData<DataProvider, string> PluginResultQueries()
    {
        var data = new TheoryData<DataProvider, string>();
        foreach (var provider in new[] { DataProvider.Sqlite, DataProvider.Postgres })
        {
            foreach (var name in PluginQueries.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, PluginResultQuery> PluginQueries = new()
    {
        ["all plugins starting in a range"] = new("evt-1") { StartsWithin = new TimeRange(0, 20_000) },
        ["all plugins overlapping a segment"] = new("evt-1") { Overlapping = new TimeRange(12_400, 27_000) },
        ["one detector ending in a window"] = new("evt-1") { PluginNames = ["Silence"], AudioTrack = 1, EndsWithin = new TimeRange(10_000, 12_400) },
        ["one plugin's results of a chunk"] = new("evt-1") { PluginNames = ["Scene"], AudioTrack = 0, ChunkNumber = 3 },
        ["dependents since a boundary up to a chunk"] = new("evt-1") { PluginNames = ["Scene"], AudioTrack = 0, StartsWithin = new TimeRange(12_400, long.MaxValue), UpToChunkNumber = 3 },
    };

    [Theory, MemberData(nameof(PluginResultQueries))]
    public async Task Plugin_result_queries_use_an_index(DataProvider provider, string name)
    {
        await using var plane = await OpenAsync(provider);
        var (sql, parameters) = SqlPluginResultStore.BuildQuery(plane.Database, PluginQueries[name]);

        var plan = await PlanAsync(plane, sql, parameters);

        AssertIndexed(plan, "plugin_results");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Segment_queries_by_classifier_and_time_use_an_index(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        var (sql, parameters) = SqlSegmentStore.BuildQuery(new SegmentQuery("evt-1") { Classifier = "Seg", StartsWithin = new TimeRange(0, 60_000) });

        var plan = await PlanAsync(plane, sql, parameters);

        AssertIndexed(plan, "segments");
    }

    private static void AssertIndexed(IReadOnlyList<string> plan, string table)
    {
        var text = string.Join('\n', plan);
        text.ShouldNotContain($"SCAN {table}", customMessage: text);
        text.ShouldNotContain("Seq Scan", customMessage: text);
        text.ShouldMatch("(?i)index|primary key", customMessage: text);
    }

    private static Task<IReadOnlyList<string>> PlanAsync(SqlDataPlane plane, string sql, DynamicParameters parameters) =>
        plane.Database.RunAsync("explaining", async c =>
        {
            if (plane.Database.Provider == DataProvider.Sqlite)
            {
                return await c.ListAsync($"EXPLAIN QUERY PLAN {sql}", parameters, r => r.String("detail"), default);
            }

            // Empty tables make a sequential scan cheapest; forbid it so the plan shows whether an index can serve the query.
            await c.ExecAsync("SET enable_seqscan = off", null, default);
            return await c.ListAsync($"EXPLAIN {sql}", parameters, r => r.String("QUERY PLAN"), default);
        }, default);
}
