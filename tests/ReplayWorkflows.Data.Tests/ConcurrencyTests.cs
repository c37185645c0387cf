using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

/// <summary>
/// Several writers on one store, each with its own data plane as separate worker processes would have: SQLite writers
/// must queue on the file lock (WAL + busy timeout) instead of failing with SQLITE_BUSY.
/// </summary>
public sealed class ConcurrencyTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    private const int Writers = 4;
    private const int ChunksPerWriter = 25;
    private const int ResultsPerChunk = 20;

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_writers_on_separate_data_planes_all_succeed(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        var planes = new List<SqlDataPlane>();
        for (var i = 0; i < Writers; i++)
        {
            planes.Add(await DataPlaneFixture.OpenAsync(options));
        }

        try
        {
            await CreateEventAsync(planes[0]);

            // Each writer is one featurer writing its chunks in separate transactions, as chunk workflows do.
            await Task.WhenAll(planes.Select(async (plane, w) =>
            {
                for (var chunk = 1; chunk <= ChunksPerWriter; chunk++)
                {
                    var results = Enumerable.Range(0, ResultsPerChunk)
                        .Select(i => Result($"Featurer{w}", (chunk - 1) * 20_000L + i * 1_000, (chunk - 1) * 20_000L + i * 1_000 + 500, chunk))
                        .ToList();
                    await plane.PluginResults.ReplaceChunkAsync("evt-1", $"Featurer{w}", 0, chunk, results);
                    await plane.Events.ExtendMediaEndAsync("evt-1", chunk * 20_000L);
                }
            }));

            var all = await planes[0].PluginResults.QueryAsync(new PluginResultQuery("evt-1"));
            all.Count.ShouldBe(Writers * ChunksPerWriter * ResultsPerChunk);
            all.Select(r => r.StartMs).ShouldBeInOrder();
            (await planes[1].Events.GetAsync("evt-1"))!.MediaEndMs.ShouldBe(ChunksPerWriter * 20_000L);
        }
        finally
        {
            foreach (var plane in planes)
            {
                await plane.DisposeAsync();
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_writers_of_the_same_results_leave_one_copy(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        await using var first = await DataPlaneFixture.OpenAsync(options);
        await using var second = await DataPlaneFixture.OpenAsync(options);
        await CreateEventAsync(first);
        var results = Enumerable.Range(0, 50).Select(i => Result("Scene", i * 400L, i * 400L, 1)).ToList();

        // A retried activity racing its first attempt: both write the same chunk, several times over.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).PluginResults.UpsertAsync(results)));

        (await first.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).Count.ShouldBe(50);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_closers_of_one_segment_leave_one_segment(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        await using var first = await DataPlaneFixture.OpenAsync(options);
        await using var second = await DataPlaneFixture.OpenAsync(options);
        await CreateEventAsync(first);
        await first.Segments.UpsertAsync(new SegmentRecord("evt-1", "Seg", 12_400, null, 1, null));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).Segments.UpsertAsync(new SegmentRecord("evt-1", "Seg", 12_400, i % 3 == 0 ? null : 27_000, 1, 2))));

        var segment = (await second.Segments.QueryAsync(new SegmentQuery("evt-1"))).ShouldHaveSingleItem();
        segment.EndMs.ShouldBe(27_000);
    }
}
