using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

public sealed class EventStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_created_event_reads_back_with_its_definition(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        var record = NewEvent();

        (await plane.Events.CreateAsync(record)).ShouldBeTrue();

        var stored = (await plane.Events.GetAsync("evt-1")).ShouldNotBeNull();
        stored.ShouldBe(record with { CreatedUnixMs = stored.CreatedUnixMs, UpdatedUnixMs = stored.UpdatedUnixMs });
        stored.CreatedUnixMs.ShouldBeGreaterThan(0);
        (await plane.Events.FindByNameAsync("Program", "evt-1")).ShouldBe(stored);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Creating_the_same_event_twice_changes_nothing(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent());

        (await plane.Events.CreateAsync(NewEvent() with { ProfileName = "other" })).ShouldBeFalse();

        (await plane.Events.GetAsync("evt-1"))!.ProfileName.ShouldBe("profile-a");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_second_event_with_the_same_program_and_name_is_refused_clearly(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent("evt-1", "Final"));

        var error = await Should.ThrowAsync<DataPlaneException>(() => plane.Events.CreateAsync(NewEvent("evt-2", "Final")));

        error.Message.ShouldContain("event 'Final' of program 'Program' already exists");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Events_list_in_schedule_order_and_filter_by_status(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent("late") with { ScheduledStartUnixMs = 3_000 });
        await plane.Events.CreateAsync(NewEvent("unscheduled") with { ScheduledStartUnixMs = null });
        await plane.Events.CreateAsync(NewEvent("early") with { ScheduledStartUnixMs = 1_000 });
        await plane.Events.SetStatusAsync("late", EventStatus.InProgress);

        (await plane.Events.ListAsync()).Select(e => e.EventId).ShouldBe(["early", "late", "unscheduled"]);
        (await plane.Events.ListAsync([EventStatus.Queued])).Select(e => e.EventId).ShouldBe(["early", "unscheduled"]);
        (await plane.Events.ListAsync([EventStatus.InProgress, EventStatus.Complete])).Select(e => e.EventId).ShouldBe(["late"]);
        (await plane.Events.ListAsync([])).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_status_change_can_be_limited_to_expected_current_statuses(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent());

        (await plane.Events.SetStatusAsync("evt-1", EventStatus.InProgress, [EventStatus.Queued])).ShouldBeTrue();
        (await plane.Events.SetStatusAsync("evt-1", EventStatus.Complete)).ShouldBeTrue();
        (await plane.Events.SetStatusAsync("evt-1", EventStatus.InProgress, [EventStatus.Queued])).ShouldBeFalse();

        (await plane.Events.GetAsync("evt-1"))!.Status.ShouldBe(EventStatus.Complete);
        (await plane.Events.SetStatusAsync("missing", EventStatus.Complete)).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_cancelled_call_is_cancelled_not_a_store_failure(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => plane.Events.CreateAsync(NewEvent(), cancelled.Token));

        (await plane.Events.GetAsync("evt-1")).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_media_end_only_moves_forward(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent());

        await plane.Events.ExtendMediaEndAsync("evt-1", 40_000);
        await plane.Events.ExtendMediaEndAsync("evt-1", 20_000);

        (await plane.Events.GetAsync("evt-1"))!.MediaEndMs.ShouldBe(40_000);
        (await plane.Events.ExtendMediaEndAsync("missing", 1)).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_an_event_removes_everything_recorded_for_it(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Events.CreateAsync(NewEvent());
        await plane.Events.CreateAsync(NewEvent("evt-2"));
        await plane.Chunks.UpsertAsync(new ChunkRecord("evt-1", 1, 0, 20_000, "/c1.ts"));
        await plane.PluginResults.UpsertAsync([Result("A", 1, 2, 1), Result("A", 1, 2, 1, eventId: "evt-2")]);
        await plane.Segments.UpsertAsync(new SegmentRecord("evt-1", "Seg", 0, 1_000, 1, 1));
        await plane.Replays.CreateAsync(new ReplayRecord("r1", "evt-1", ReplayStatus.Queued, true, 1, "{}"));
        await plane.Replays.SaveResultAsync(new ReplayResultRecord("r1", 0, [new ReplayResultItem(0, "Seg", 0, 0, 1_000, 1)]));

        (await plane.Events.DeleteAsync("evt-1")).ShouldBeTrue();

        (await plane.Events.GetAsync("evt-1")).ShouldBeNull();
        (await plane.Chunks.ListAsync("evt-1")).ShouldBeEmpty();
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldBeEmpty();
        (await plane.PluginResults.QueryAsync(new PluginResultQuery("evt-2"))).Count.ShouldBe(1);
        (await plane.Segments.QueryAsync(new SegmentQuery("evt-1"))).ShouldBeEmpty();
        (await plane.Replays.GetResultAsync("r1")).ShouldBeNull();
    }
}
