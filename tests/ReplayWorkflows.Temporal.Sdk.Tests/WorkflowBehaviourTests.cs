using ReplayWorkflows.Testing;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Our SDK's client and worker against our dev server, over real gRPC.</summary>
public abstract class WorkflowBehaviourTests(DevServerFixture server)
{
    private TemporalClient Client => server.Client;

    [Fact]
    public async Task A_workflow_runs_activities_and_returns_their_result()
    {
        var (result, _) = await RunAsync(new TestActivities(), (GreetingWorkflow w) => w.RunAsync(new Greeting("Ada", 2)));

        result.ShouldBe("Hello, Ada! Hello, Ada!");
    }

    [Fact]
    public async Task Signals_queries_and_a_timer_drive_a_waiting_workflow()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(50), new WorkflowOptions(DevServerFixture.NewId("counter"), queue));
            await handle.SignalAsync(w => w.AddAsync("goal"));
            await handle.SignalAsync("Add", ["save"]);
            var count = await Eventually.ReturnsAsync(() => handle.QueryAsync(w => w.Count), c => c == 2, what: "two signals applied");
            count.ShouldBe(2);
            (await handle.QueryAsync<string>("ItemAt", [1])).ShouldBe("save");
            await handle.SignalAsync(w => w.FinishAsync());
            (await handle.GetResultAsync()).ShouldBe("goal,save");
        });
    }

    [Fact]
    public async Task Signal_with_start_delivers_the_signal_before_the_run_method_waits()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        await worker.ExecuteAsync(async () =>
        {
            var options = new WorkflowOptions(DevServerFixture.NewId("sws"), queue);
            options.SignalWithStart((CounterWorkflow w) => w.FinishAsync());
            var handle = await Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(1), options);
            (await handle.GetResultAsync()).ShouldBe(string.Empty);
        });
    }

    [Fact]
    public async Task Server_side_retries_carry_an_activity_to_success()
    {
        var activities = new TestActivities();

        var (attempt, _) = await RunAsync(activities, (RetryWorkflow w) => w.RunAsync());

        attempt.ShouldBe(3);
        activities.FlakyCalls.ShouldBe(3);
    }

    [Fact]
    public async Task A_non_retryable_activity_failure_fails_the_workflow_with_its_cause_chain()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() =>
            Client.ExecuteWorkflowAsync((FailingActivityWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("fail"), queue))));

        var activity = error.InnerException.ShouldBeOfType<ActivityFailureException>();
        activity.ActivityType.ShouldBe("FailHard");
        var app = activity.InnerException.ShouldBeOfType<ApplicationFailureException>();
        app.ErrorType.ShouldBe("BadInput");
        app.NonRetryable.ShouldBeTrue();
        app.Details.ElementAt<string>(0).ShouldBe("chunk-7");
    }

    [Fact]
    public async Task Heartbeat_details_reach_the_next_attempt()
    {
        var (result, _) = await RunAsync(new TestActivities(), (HeartbeatResumeWorkflow w) => w.RunAsync());

        result.ShouldBe(42);
    }

    [Fact]
    public async Task A_child_workflow_result_and_a_child_failure_reach_the_parent()
    {
        var (said, _) = await RunAsync(new TestActivities(), (ParentWorkflow w) => w.RunAsync("Lin", false));
        said.ShouldBe("child said: Hello, Lin!");

        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() =>
            Client.ExecuteWorkflowAsync((ParentWorkflow w) => w.RunAsync("Lin", true), new WorkflowOptions(DevServerFixture.NewId("parent"), queue))));
        var child = error.InnerException.ShouldBeOfType<ChildWorkflowFailureException>();
        child.WorkflowType.ShouldBe("FailingActivityWorkflow");
        child.InnerException.ShouldBeOfType<ActivityFailureException>();
    }

    [Fact]
    public async Task Get_result_follows_continue_as_new_to_the_last_run()
    {
        var (result, handle) = await RunAsync(new TestActivities(), (ContinuingWorkflow w) => w.RunAsync(1, 3));

        result.ShouldBe(3);
        var first = Client.GetWorkflowHandle(handle.Id) with { ResultRunId = handle.ResultRunId };
        var error = await Should.ThrowAsync<WorkflowContinuedAsNewException>(() => first.GetResultAsync<int>(followRuns: false));
        error.NewRunId.ShouldNotBe(handle.ResultRunId);
    }

    [Fact]
    public async Task Cancelling_a_workflow_cancels_its_activity_and_runs_cleanup()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await Client.StartWorkflowAsync((CancellableWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("cancel"), queue));
            await Eventually.ReturnsAsync(async () => (await handle.DescribeAsync()).RawDescription.PendingActivities.Count, n => n == 1, what: "activity pending");
            await handle.CancelAsync();

            var error = await Should.ThrowAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            error.InnerException.ShouldBeOfType<CanceledFailureException>();
            var history = await handle.FetchHistoryAsync();
            history.Events.Count(e => e.EventType == EventType.ActivityTaskScheduled).ShouldBe(2, "the cleanup activity ran after the cancel");
            history.Events.Last().EventType.ShouldBe(EventType.WorkflowExecutionCanceled);
        });
    }

    [Fact]
    public async Task Terminate_ends_a_workflow_with_the_reason()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(1), new WorkflowOptions(DevServerFixture.NewId("term"), queue));
            await handle.TerminateAsync("operator stop");
            var error = await Should.ThrowAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            error.InnerException.ShouldBeOfType<TerminatedFailureException>().Message.ShouldBe("operator stop");
            (await handle.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Terminated);
        });
    }

    [Fact]
    public async Task Starting_a_running_workflow_id_again_is_already_started()
    {
        var queue = DevServerFixture.NewId("tq");
        var id = DevServerFixture.NewId("dup");
        var handle = await Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(1), new WorkflowOptions(id, queue));

        var error = await Should.ThrowAsync<WorkflowAlreadyStartedException>(() =>
            Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(1), new WorkflowOptions(id, queue)));

        error.WorkflowId.ShouldBe(id);
        error.RunId.ShouldBe(handle.ResultRunId);
        await handle.TerminateAsync();
    }

    [Fact]
    public async Task List_and_count_find_workflows_by_type_and_status()
    {
        var queue = DevServerFixture.NewId("tq");
        var (_, handle) = await RunAsync(new TestActivities(), (GreetingWorkflow w) => w.RunAsync(new Greeting("list", 1)), queue);

        var query = $"WorkflowType = 'GreetingWorkflow' AND TaskQueue = '{queue}' AND ExecutionStatus = 'Completed'";
        var listed = new List<WorkflowExecution>();
        await foreach (var execution in Client.ListWorkflowsAsync(query))
        {
            listed.Add(execution);
        }

        listed.Select(e => e.Id).ShouldBe([handle.Id]);
        (await Client.CountWorkflowsAsync(query)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_worker_replays_history_to_the_same_deterministic_values()
    {
        var queue = DevServerFixture.NewId("tq");
        var (result, handle) = await RunAsync(new TestActivities(), (DeterminismWorkflow w) => w.RunAsync(), queue);

        // A fresh worker has an empty cache: answering the query replays the whole history.
        using var fresh = NewWorker(queue, new TestActivities());
        var replayed = await fresh.ExecuteAsync(() => Client.GetWorkflowHandle<DeterminismWorkflow>(handle.Id).QueryAsync(w => w.Values));

        replayed.ShouldBe(result);
        result.ShouldEndWith("|True");
    }

    [Fact]
    public async Task The_replayer_accepts_the_same_code_and_reports_a_changed_one_as_nondeterministic()
    {
        var (_, handle) = await RunAsync(new TestActivities(), (GreetingWorkflow w) => w.RunAsync(new Greeting("replay", 1)));
        var history = await Client.GetWorkflowHandle(handle.Id).FetchHistoryAsync();

        var same = await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<GreetingWorkflow>()).ReplayWorkflowAsync(history);
        same.ReplayFailure.ShouldBeNull();

        var changed = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ChangedGreetingWorkflow>());
        var error = await Should.ThrowAsync<WorkflowNondeterminismException>(() => changed.ReplayWorkflowAsync(history));
        error.Message.ShouldContain("Greet");

        var roundTripped = Temporalio.Common.WorkflowHistory.FromJson(handle.Id, history.ToJson());
        (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<GreetingWorkflow>()).ReplayWorkflowAsync(roundTripped)).ReplayFailure.ShouldBeNull();
    }

    [Fact]
    public async Task A_bug_in_workflow_code_fails_the_workflow_task_not_the_workflow()
    {
        var queue = DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, new TestActivities());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await Client.StartWorkflowAsync((BuggyWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("bug"), queue));
            var history = await Eventually.ReturnsAsync(() => handle.FetchHistoryAsync(),
                h => h.Events.Any(e => e.EventType == EventType.WorkflowTaskFailed), what: "workflow task failure");
            var failed = history.Events.First(e => e.EventType == EventType.WorkflowTaskFailed).WorkflowTaskFailedEventAttributes;
            failed.Failure.Message.ShouldContain("oops in workflow code");
            (await handle.DescribeAsync()).Status.ShouldBe(WorkflowExecutionStatus.Running);
            await handle.TerminateAsync();
        });
    }

    [Fact]
    public void Registration_rejects_unusable_workflows_and_duplicate_names()
    {
        Should.Throw<ArgumentException>(() => new TemporalWorkerOptions("q").AddWorkflow<TestActivities>()).Message.ShouldContain("[Workflow]");
        var options = new TemporalWorkerOptions("q").AddWorkflow<GreetingWorkflow>().AddWorkflow<ChangedGreetingWorkflow>();
        Should.Throw<ArgumentException>(() => new TemporalWorker(Client, options)).Message.ShouldContain("GreetingWorkflow");
    }

    private TemporalWorker NewWorker(string queue, TestActivities activities) =>
        new(Client, new TemporalWorkerOptions(queue)
            .AddAllActivities(activities)
            .AddWorkflow<GreetingWorkflow>()
            .AddWorkflow<CounterWorkflow>()
            .AddWorkflow<RetryWorkflow>()
            .AddWorkflow<FailingActivityWorkflow>()
            .AddWorkflow<ParentWorkflow>()
            .AddWorkflow<ContinuingWorkflow>()
            .AddWorkflow<CancellableWorkflow>()
            .AddWorkflow<DeterminismWorkflow>()
            .AddWorkflow<HeartbeatResumeWorkflow>()
            .AddWorkflow<BuggyWorkflow>());

    private async Task<(TResult Result, WorkflowHandle Handle)> RunAsync<TWorkflow, TResult>(
        TestActivities activities, System.Linq.Expressions.Expression<Func<TWorkflow, Task<TResult>>> run, string? queue = null)
    {
        queue ??= DevServerFixture.NewId("tq");
        using var worker = NewWorker(queue, activities);
        return await worker.ExecuteAsync(async () =>
        {
            var handle = await Client.StartWorkflowAsync(run, new WorkflowOptions(DevServerFixture.NewId(typeof(TWorkflow).Name), queue));
            return (await handle.GetResultAsync(), (WorkflowHandle)handle);
        });
    }
}
