using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Matching;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class MatchingQueueTests
{
    private static readonly ExecutionKey Key = new("default", "wf", Guid.NewGuid().ToString());

    [Fact]
    public async Task A_waiting_poller_gets_a_new_task_directly()
    {
        var queue = new MatchingQueue();
        var poll = queue.PollAsync("w1", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), CancellationToken.None);
        poll.IsCompleted.ShouldBeFalse();
        queue.Add(new MatchingTask(Key, 2, 1));
        (await poll).ShouldNotBeNull().ScheduledEventId.ShouldBe(2);
        queue.BacklogCount.ShouldBe(0);
    }

    [Fact]
    public async Task Backlog_is_served_in_order()
    {
        var queue = new MatchingQueue();
        queue.Add(new MatchingTask(Key, 2, 1));
        queue.Add(new MatchingTask(Key, 5, 1));
        (await queue.PollAsync("w", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), CancellationToken.None))!.ScheduledEventId.ShouldBe(2);
        (await queue.PollAsync("w", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), CancellationToken.None))!.ScheduledEventId.ShouldBe(5);
    }

    [Fact]
    public async Task A_poll_with_nothing_to_do_returns_empty_at_its_deadline()
    {
        var queue = new MatchingQueue();
        (await queue.PollAsync("w", DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(50), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_cancelled_poller_does_not_lose_the_next_task()
    {
        var queue = new MatchingQueue();
        using var cts = new CancellationTokenSource();
        var poll = queue.PollAsync("gone", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(poll);
        queue.Add(new MatchingTask(Key, 7, 1));
        (await queue.PollAsync("w", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), CancellationToken.None))!.ScheduledEventId.ShouldBe(7);
    }

    [Fact]
    public async Task Pollers_are_remembered_for_describe()
    {
        var queue = new MatchingQueue();
        await queue.PollAsync("worker-a", DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        queue.Pollers(DateTimeOffset.UtcNow.AddMinutes(-1)).Select(p => p.Identity).ShouldBe(["worker-a"]);
    }
}
