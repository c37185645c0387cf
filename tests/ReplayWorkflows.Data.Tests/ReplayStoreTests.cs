using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

public sealed class ReplayStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    private static ReplayResultItem Item(int position, long startMs, long endMs, double? score = 100) =>
        new(position, "Seg", startMs, startMs, endMs, score, """[{"AttribName":"Goal"}]""");

    private async Task<IDataPlane> WithReplayAsync(DataProvider provider)
    {
        var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.Replays.CreateAsync(new ReplayRecord("r1", "evt-1", ReplayStatus.Queued, true, 1, """{"durationMs":60000}"""));
        return plane;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replays_are_created_once_and_listed_by_status(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);

        (await plane.Replays.CreateAsync(new ReplayRecord("r1", "evt-1", ReplayStatus.Complete, false, 2, "{}"))).ShouldBeFalse();
        await plane.Replays.CreateAsync(new ReplayRecord("r2", "evt-1", ReplayStatus.Queued, false, 1, "{}"));
        (await plane.Replays.SetStatusAsync("r2", ReplayStatus.Complete)).ShouldBeTrue();
        (await plane.Replays.SetStatusAsync("r2", ReplayStatus.InProgress, [ReplayStatus.Queued])).ShouldBeFalse();

        var r1 = (await plane.Replays.GetAsync("r1")).ShouldNotBeNull();
        (r1.Status, r1.Catchup, r1.AudioTrack, r1.RequestJson).ShouldBe((ReplayStatus.Queued, true, 1, """{"durationMs":60000}"""));
        (await plane.Replays.ListByEventAsync("evt-1")).Select(r => r.ReplayId).ShouldBe(["r1", "r2"]);
        (await plane.Replays.ListByEventAsync("evt-1", [ReplayStatus.Queued, ReplayStatus.InProgress])).Select(r => r.ReplayId).ShouldBe(["r1"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_saved_selection_reads_back_in_position_order(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);

        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 31_000, [Item(1, 31_000, 38_500, 55), Item(0, 12_400, 27_000, 180)])))
            .ShouldBe(ReplayResultWrite.Saved);

        var result = (await plane.Replays.GetResultAsync("r1")).ShouldNotBeNull();
        result.Revision.ShouldBe(1);
        result.LastSegmentStartMs.ShouldBe(31_000);
        result.Items.Select(i => i.StartMs).ShouldBe([12_400, 31_000]);
        result.TotalScore.ShouldBe(235);
        (await plane.Replays.GetResultAsync("missing")).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_selection_again_is_unchanged_and_keeps_the_revision(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);
        await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 12_400, [Item(0, 12_400, 27_000)]));

        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 31_000, [Item(0, 12_400, 27_000, score: 7)])))
            .ShouldBe(ReplayResultWrite.Unchanged);

        var result = (await plane.Replays.GetResultAsync("r1"))!;
        result.Revision.ShouldBe(1);
        result.LastSegmentStartMs.ShouldBe(31_000);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_older_catch_up_run_finishing_late_is_stale(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);
        await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 31_000, [Item(0, 12_400, 27_000), Item(1, 31_000, 38_500)]));

        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 12_400, [Item(0, 12_400, 27_000)]))).ShouldBe(ReplayResultWrite.Stale);

        (await plane.Replays.GetResultAsync("r1"))!.Items.Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Feedback_may_rewrite_the_selection_without_moving_the_ordering_mark(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);
        await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 31_000, [Item(0, 12_400, 27_000), Item(1, 31_000, 38_500)]));

        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 12_400, [Item(0, 31_000, 38_500)]), ignoreOrdering: true))
            .ShouldBe(ReplayResultWrite.Saved);

        var result = (await plane.Replays.GetResultAsync("r1"))!;
        result.Revision.ShouldBe(2);
        result.LastSegmentStartMs.ShouldBe(31_000);
        result.Items.ShouldHaveSingleItem().StartMs.ShouldBe(31_000);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_empty_selection_is_a_selection(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);

        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 0, []))).ShouldBe(ReplayResultWrite.Saved);
        (await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 0, []))).ShouldBe(ReplayResultWrite.Unchanged);

        (await plane.Replays.GetResultAsync("r1"))!.Items.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_saves_of_one_replay_leave_one_consistent_selection(DataProvider provider)
    {
        await using var plane = await WithReplayAsync(provider);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(n =>
            plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", n * 1_000L, [.. Enumerable.Range(0, n).Select(i => Item(i, i * 1_000L, i * 1_000L + 500))]))));

        outcomes.ShouldContain(ReplayResultWrite.Saved);
        var result = (await plane.Replays.GetResultAsync("r1"))!;
        result.LastSegmentStartMs.ShouldBe(8_000);
        result.Items.Count.ShouldBe(8);
        result.Revision.ShouldBe(outcomes.Count(o => o == ReplayResultWrite.Saved));
    }
}
