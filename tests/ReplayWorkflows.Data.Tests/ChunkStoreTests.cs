using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

public sealed class ChunkStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    private static async Task WithChunksAsync(SqlDataPlane plane)
    {
        await CreateEventAsync(plane);
        // Recorded out of order on purpose: chunks may arrive in any order.
        foreach (var n in new[] { 3, 1, 2 })
        {
            await plane.Chunks.UpsertAsync(new ChunkRecord("evt-1", n, (n - 1) * 20_000L, 20_000, $"/media/evt/c{n}.ts"));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Chunks_list_in_start_order(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await WithChunksAsync(plane);

        (await plane.Chunks.ListAsync("evt-1")).Select(c => c.ChunkNumber).ShouldBe([1, 2, 3]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Recording_a_chunk_again_replaces_it(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await WithChunksAsync(plane);

        await plane.Chunks.UpsertAsync(new ChunkRecord("evt-1", 2, 20_000, 19_960, "/media/evt/c2-retry.ts", """{"fps":25}"""));

        var chunk = (await plane.Chunks.GetAsync("evt-1", 2)).ShouldNotBeNull();
        (chunk.DurationMs, chunk.Location, chunk.MetadataJson).ShouldBe((19_960L, "/media/evt/c2-retry.ts", """{"fps":25}"""));
        (await plane.Chunks.ListAsync("evt-1")).Count.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_segment_spanning_chunks_reads_every_chunk_it_touches(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await WithChunksAsync(plane);

        (await plane.Chunks.ListCoveringAsync("evt-1", new TimeRange(12_400, 27_000))).Select(c => c.ChunkNumber).ShouldBe([1, 2]);
        (await plane.Chunks.ListCoveringAsync("evt-1", new TimeRange(20_000, 40_000))).Select(c => c.ChunkNumber).ShouldBe([2]);
        (await plane.Chunks.ListCoveringAsync("evt-1", new TimeRange(20_000, 20_000))).Select(c => c.ChunkNumber).ShouldBe([2]);
        (await plane.Chunks.ListCoveringAsync("evt-1", new TimeRange(60_000, 70_000))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_chunk_holding_a_time_is_the_latest_starting_at_or_before_it(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await WithChunksAsync(plane);

        (await plane.Chunks.FindContainingAsync("evt-1", 39_999))!.ChunkNumber.ShouldBe(2);
        (await plane.Chunks.FindContainingAsync("evt-1", 40_000))!.ChunkNumber.ShouldBe(3);
        (await plane.Chunks.FindContainingAsync("evt-1", -1)).ShouldBeNull();
    }
}
