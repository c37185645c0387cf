using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

public sealed class SegmentStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    private static SegmentRecord Open(long startMs, int chunk, string classifier = "Seg") => new("evt-1", classifier, startMs, null, chunk, null);

    private static SegmentRecord Closed(long startMs, long endMs, int startChunk, int endChunk, string classifier = "Seg") =>
        new("evt-1", classifier, startMs, endMs, startChunk, endChunk);

    [Theory, MemberData(nameof(Providers))]
    public async Task Closing_an_open_segment_keeps_its_start_and_sets_its_end(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        (await plane.Segments.UpsertAsync(Open(12_400, 1))).IsOpen.ShouldBeTrue();
        var closed = await plane.Segments.UpsertAsync(Closed(12_400, 27_000, 1, 2));

        closed.StartMs.ShouldBe(12_400);
        closed.EndMs.ShouldBe(27_000);
        closed.StartChunkNumber.ShouldBe(1);
        closed.EndChunkNumber.ShouldBe(2);
        (await plane.Segments.QueryAsync(new SegmentQuery("evt-1"))).ShouldHaveSingleItem().ShouldBe(closed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_retried_open_write_does_not_reopen_a_closed_segment(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertAsync(Open(12_400, 1));
        await plane.Segments.UpsertAsync(Closed(12_400, 27_000, 1, 2));

        var after = await plane.Segments.UpsertAsync(Open(12_400, 1));

        after.EndMs.ShouldBe(27_000);
        after.EndChunkNumber.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Writing_the_same_closed_segment_again_keeps_optimizer_and_label_results(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertAsync(Closed(31_000, 38_500, 2, 2));
        (await plane.Segments.SetOptimizedAsync("evt-1", "Seg", 31_000, 30_500, 39_000, """{"start":"Succeeded"}""")).ShouldBeTrue();
        (await plane.Segments.SetLabelAsync("evt-1", "Seg", 31_000, "Goal", """{"team":"home"}""")).ShouldBeTrue();
        (await plane.Segments.SetFeaturesAsync("evt-1", "Seg", 31_000, """{"Cheer":true}""")).ShouldBeTrue();

        var again = await plane.Segments.UpsertAsync(Closed(31_000, 38_500, 2, 2));

        again.OptimizedStartMs.ShouldBe(30_500);
        again.OptimizedEndMs.ShouldBe(39_000);
        again.OptimizationJson.ShouldBe("""{"start":"Succeeded"}""");
        again.Label.ShouldBe("Goal");
        again.LabelJson.ShouldBe("""{"team":"home"}""");
        again.FeaturesJson.ShouldBe("""{"Cheer":true}""");
        (await plane.Segments.QueryAsync(new SegmentQuery("evt-1"))).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_the_end_clears_results_made_for_the_old_bounds(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertAsync(Closed(31_000, 38_500, 2, 2));
        await plane.Segments.SetOptimizedAsync("evt-1", "Seg", 31_000, 30_500, 39_000, "{}");
        await plane.Segments.SetLabelAsync("evt-1", "Seg", 31_000, "Goal", "{}");

        var moved = await plane.Segments.UpsertAsync(Closed(31_000, 45_000, 2, 3) with { FeaturesJson = """{"new":1}""" });

        moved.EndMs.ShouldBe(45_000);
        moved.EndChunkNumber.ShouldBe(3);
        moved.IsOptimized.ShouldBeFalse();
        moved.OptimizationJson.ShouldBeNull();
        moved.Label.ShouldBeNull();
        moved.FeaturesJson.ShouldBe("""{"new":1}""");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Open_segments_cannot_be_optimized(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertAsync(Open(5_000, 1));

        (await plane.Segments.SetOptimizedAsync("evt-1", "Seg", 5_000, 4_000, 9_000, "{}")).ShouldBeFalse();
        (await plane.Segments.SetOptimizedAsync("evt-1", "Seg", 6_000, 4_000, 9_000, "{}")).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bounds_that_do_not_make_a_range_are_refused(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await Should.ThrowAsync<ArgumentException>(() => plane.Segments.UpsertAsync(Closed(5_000, 5_000, 1, 1)));
        await plane.Segments.UpsertAsync(Closed(5_000, 6_000, 1, 1));
        await Should.ThrowAsync<ArgumentException>(() => plane.Segments.SetOptimizedAsync("evt-1", "Seg", 5_000, 7_000, 7_000, "{}"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_prior_segment_is_the_latest_that_starts_before_the_chunk(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertManyAsync([Closed(1_000, 5_000, 1, 1), Closed(12_400, 27_000, 1, 2), Open(40_000, 2), Closed(13_000, 14_000, 1, 1, "Other")]);

        (await plane.Segments.FindLastBeforeAsync("evt-1", "Seg", 40_000))!.StartMs.ShouldBe(12_400);
        (await plane.Segments.FindLastBeforeAsync("evt-1", "Seg", 40_001))!.IsOpen.ShouldBeTrue();
        (await plane.Segments.FindLastBeforeAsync("evt-1", "Seg", 1_000)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Queries_find_segments_by_time_state_and_pending_work(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Segments.UpsertManyAsync([Closed(31_000, 38_500, 2, 2), Closed(12_400, 27_000, 1, 2), Open(40_000, 2), Closed(1_000, 2_000, 1, 1, "Other")]);
        await plane.Segments.SetOptimizedAsync("evt-1", "Seg", 12_400, 12_000, 27_500, "{}");
        await plane.Segments.SetLabelAsync("evt-1", "Seg", 31_000, "Goal", "{}");

        async Task<long[]> Starts(SegmentQuery q) => (await plane.Segments.QueryAsync(q)).Select(s => s.StartMs).ToArray();

        (await Starts(new SegmentQuery("evt-1"))).ShouldBe([1_000, 12_400, 31_000, 40_000]);
        (await Starts(new SegmentQuery("evt-1") { Classifier = "Seg" })).ShouldBe([12_400, 31_000, 40_000]);
        (await Starts(new SegmentQuery("evt-1") { StartsWithin = new TimeRange(12_400, 40_000) })).ShouldBe([12_400, 31_000]);
        (await Starts(new SegmentQuery("evt-1") { Closed = false })).ShouldBe([40_000]);
        (await Starts(new SegmentQuery("evt-1") { Classifier = "Seg", AwaitingOptimization = true })).ShouldBe([31_000]);
        (await Starts(new SegmentQuery("evt-1") { Classifier = "Seg", AwaitingLabel = true })).ShouldBe([12_400]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Writing_a_chunks_segments_twice_leaves_one_copy_each(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        SegmentRecord[] chunk2 = [Closed(12_400, 27_000, 1, 2), Closed(31_000, 38_500, 2, 2)];

        await plane.Segments.UpsertManyAsync(chunk2);
        await plane.Segments.UpsertManyAsync(chunk2);

        (await plane.Segments.QueryAsync(new SegmentQuery("evt-1"))).Count.ShouldBe(2);
    }
}
