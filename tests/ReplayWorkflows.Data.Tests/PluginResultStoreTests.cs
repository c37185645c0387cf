using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

public sealed class PluginResultStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Writing_a_chunks_results_twice_leaves_one_copy(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        var results = new[] { Result("DetectScene", 200, 200, 1), Result("DetectScene", 5_000, 7_500, 1), Result("DetectScene", 19_800, 19_800, 1) };

        await plane.PluginResults.UpsertAsync(results);
        await plane.PluginResults.UpsertAsync(results);

        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).Count.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rewriting_a_key_replaces_its_end_and_payload(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await plane.PluginResults.UpsertAsync([Result("DetectSilence", 1_000, 2_000, 1, """{"Silent":true}""", track: 1)]);
        await plane.PluginResults.UpsertAsync([Result("DetectSilence", 1_000, 2_500, 1, """{"Silent":false}""", track: 1)]);

        var stored = (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldHaveSingleItem();
        stored.EndMs.ShouldBe(2_500);
        stored.PayloadJson.ShouldBe("""{"Silent":false}""");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replacing_a_chunk_drops_results_the_rerun_did_not_find(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.PluginResults.UpsertAsync([Result("DetectScene", 100, 100, 1), Result("DetectScene", 900, 900, 1), Result("DetectScene", 20_100, 20_100, 2)]);

        await plane.PluginResults.ReplaceChunkAsync("evt-1", "DetectScene", 0, 1, [Result("DetectScene", 100, 100, 1), Result("DetectScene", 400, 400, 1)]);

        var starts = (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).Select(r => r.StartMs);
        starts.ShouldBe([100, 400, 20_100]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replacing_a_chunk_refuses_results_of_another_chunk(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await Should.ThrowAsync<ArgumentException>(() =>
            plane.PluginResults.ReplaceChunkAsync("evt-1", "DetectScene", 0, 1, [Result("DetectScene", 100, 100, 2)]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Time_range_queries_select_by_start_end_and_overlap(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.PluginResults.UpsertAsync([
            Result("A", 0, 10_000, 1),       // range ending at 10 s
            Result("A", 10_000, 10_000, 1),  // point at 10 s
            Result("A", 12_000, 25_000, 1),  // range across 20 s
            Result("A", 30_000, 30_000, 2),  // point at 30 s
        ]);

        async Task<long[]> Starts(PluginResultQuery q) => (await plane.PluginResults.QueryAsync(q)).Select(r => r.StartMs).ToArray();

        (await Starts(new PluginResultQuery("evt-1") { StartsWithin = new TimeRange(10_000, 30_000) })).ShouldBe([10_000, 12_000]);
        (await Starts(new PluginResultQuery("evt-1") { EndsWithin = new TimeRange(10_000, 25_000) })).ShouldBe([0, 10_000, 12_000]);
        (await Starts(new PluginResultQuery("evt-1") { Overlapping = new TimeRange(10_000, 20_000) })).ShouldBe([10_000, 12_000]);
        (await Starts(new PluginResultQuery("evt-1") { Overlapping = new TimeRange(9_999, 10_001) })).ShouldBe([0, 10_000]);
        (await Starts(new PluginResultQuery("evt-1") { Overlapping = new TimeRange(25_000, 30_000) })).ShouldBeEmpty();
        (await Starts(new PluginResultQuery("evt-1") { Overlapping = new TimeRange(25_000, 30_001) })).ShouldBe([30_000]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Overlap_queries_find_long_ranges_that_started_long_before(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.PluginResults.UpsertAsync([Result("Crowd", 0, 3_600_000, 1), Result("Crowd", 3_000_000, 3_000_100, 150)]);
        await plane.PluginResults.UpsertAsync([Result("Scene", 3_500_000, 3_500_000, 175)]);

        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { Overlapping = new TimeRange(3_500_000, 3_520_000) }))
            .Select(r => (r.PluginName, r.StartMs)).ShouldBe([("Crowd", 0L), ("Scene", 3_500_000L)]);
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { PluginNames = ["Scene"], Overlapping = new TimeRange(3_500_000, 3_520_000) }))
            .ShouldHaveSingleItem().PluginName.ShouldBe("Scene");
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { AudioTrack = 0, Overlapping = new TimeRange(3_599_999, 3_600_000) }))
            .ShouldHaveSingleItem().StartMs.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_key_written_twice_in_one_batch_keeps_the_last_write(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await plane.PluginResults.UpsertAsync([Result("A", 5, 6, 1, """{"v":1}"""), Result("A", 5, 9, 1, """{"v":2}""")]);

        var stored = (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldHaveSingleItem();
        (stored.EndMs, stored.PayloadJson).ShouldBe((9L, """{"v":2}"""));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Large_batches_are_written_completely(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        var results = Enumerable.Range(0, 1_234).Select(i => Result("Loudness", i * 40L, i * 40L + 40, 1 + i / 500, track: 1)).ToList();

        await plane.PluginResults.UpsertAsync(results);
        await plane.PluginResults.ReplaceChunkAsync("evt-1", "Loudness", 1, 3, [.. results.Where(r => r.ChunkNumber == 3).Take(10)]);

        var stored = await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"));
        stored.Count.ShouldBe(1_000 + 10);
        stored.Select(r => r.StartMs).ShouldBeInOrder();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Queries_filter_by_plugin_track_and_chunk(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        await plane.PluginResults.UpsertAsync([
            Result("Scene", 1_000, 1_000, 1), Result("Scene", 21_000, 21_000, 2), Result("Scene", 41_000, 41_000, 3),
            Result("Silence", 2_000, 3_000, 1, track: 1), Result("Silence", 2_000, 3_000, 1, track: 2),
        ]);

        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { PluginNames = ["Scene"], UpToChunkNumber = 2 }))
            .Select(r => r.ChunkNumber).ShouldBe([1, 2]);
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { ChunkNumber = 1 }))
            .Select(r => (r.PluginName, r.AudioTrack)).ShouldBe([("Scene", 0), ("Silence", 1), ("Silence", 2)]);
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { PluginNames = ["Silence"], AudioTrack = 2 }))
            .ShouldHaveSingleItem().AudioTrack.ShouldBe(2);
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1") { PluginNames = [] })).ShouldBeEmpty();
        (await plane.PluginResults.ListPluginNamesAsync("evt-1")).ShouldBe(["Scene", "Silence"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_come_back_in_start_order_whatever_the_write_order(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        var starts = new long[] { 50_000, 3, 19_999, 0, 7_000_000_000, 1_000 };

        foreach (var start in starts)
        {
            await plane.PluginResults.UpsertAsync([Result("A", start, start + 1, 1)]);
        }

        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).Select(r => r.StartMs).ShouldBe(starts.Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Payload_json_round_trips_byte_for_byte(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);
        const string payload = """{ "z": 1, "a": [true, null, "é"], "Label": "Goal"   }""";

        await plane.PluginResults.UpsertAsync([Result("A", 1, 2, 1, payload)]);

        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldHaveSingleItem().PayloadJson.ShouldBe(payload);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_payload_json_is_refused_before_anything_is_written(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            plane.PluginResults.UpsertAsync([Result("A", 1, 2, 1), Result("A", 3, 4, 1, "{not json")]));

        error.Message.ShouldContain("not valid JSON");
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_for_an_unknown_event_are_refused_with_a_clear_message(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);

        var error = await Should.ThrowAsync<DataPlaneException>(() => plane.PluginResults.UpsertAsync([Result("A", 1, 2, 1, eventId: "nope")]));

        error.Message.ShouldContain("does not exist");
        error.Message.ShouldContain(plane.Description);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_ending_before_they_start_are_refused(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await CreateEventAsync(plane);

        await Should.ThrowAsync<ArgumentException>(() => plane.PluginResults.UpsertAsync([Result("A", 10, 9, 1)]));
    }
}
