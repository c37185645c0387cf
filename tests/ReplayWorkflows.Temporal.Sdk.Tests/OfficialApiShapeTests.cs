using System.Text.Json;
using Google.Protobuf;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>
/// Calls written the way the official Temporalio .NET SDK's documentation writes them: untyped handles with workflow
/// lambdas, result options, batch replay of a list or a stream of histories, settable retry policies.
/// </summary>
public sealed class OfficialApiShapeTests(DevServerFixture server) : IClassFixture<DevServerFixture>
{
    [Fact]
    public async Task An_untyped_handle_signals_and_queries_through_workflow_lambdas_and_the_typed_one_waits_without_following()
    {
        var queue = DevServerFixture.NewId("shapes");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CounterWorkflow>());
        var result = await worker.ExecuteAsync(async () =>
        {
            var typed = await server.Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("shapes"), queue));
            var untyped = server.Client.GetWorkflowHandle(typed.Id);
            await untyped.SignalAsync<CounterWorkflow>(w => w.AddAsync("a"));
            await untyped.SignalAsync<CounterWorkflow>(w => w.AddAsync("b"));
            (await untyped.QueryAsync<CounterWorkflow, int>(w => w.Count)).ShouldBe(2);
            (await untyped.QueryAsync<CounterWorkflow, string>(w => w.ItemAt(1))).ShouldBe("b");
            await untyped.SignalAsync<CounterWorkflow>(w => w.FinishAsync());
            return await typed.GetResultAsync(followRuns: false);
        });

        result.ShouldBe("a,b");
    }

    [Fact]
    public async Task The_replayer_takes_a_list_or_a_stream_of_histories_and_reports_each()
    {
        var queue = DevServerFixture.NewId("replay-many");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()).AddWorkflow<GreetingWorkflow>());
        var ids = new[] { DevServerFixture.NewId("replay-many"), DevServerFixture.NewId("replay-many") };
        var histories = await worker.ExecuteAsync(async () =>
        {
            var list = new List<WorkflowHistory>();
            foreach (var id in ids)
            {
                await server.Client.ExecuteWorkflowAsync((GreetingWorkflow w) => w.RunAsync(new Greeting("x", 2)), new WorkflowOptions(id, queue));
                list.Add(await server.Client.GetWorkflowHandle(id).FetchHistoryAsync());
            }

            return list;
        });

        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<GreetingWorkflow>());
        var fromList = await replayer.ReplayWorkflowsAsync(histories);
        fromList.Select(r => r.History.Id).ShouldBe(ids);
        fromList.ShouldAllBe(r => r.ReplayFailure == null);

        var fromStream = new List<WorkflowReplayResult>();
        await foreach (var replayed in replayer.ReplayWorkflowsAsync(histories.ToAsyncEnumerable()))
        {
            fromStream.Add(replayed);
        }

        fromStream.Count.ShouldBe(2);
        fromStream.ShouldAllBe(r => r.ReplayFailure == null);

        var wrong = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<ChangedGreetingWorkflow>());
        var failures = await wrong.ReplayWorkflowsAsync(histories);
        failures.ShouldAllBe(r => r.ReplayFailure is WorkflowNondeterminismException);
    }

    [Fact]
    public async Task An_exception_type_declared_on_the_workflow_attribute_fails_the_workflow_not_its_task()
    {
        var queue = DevServerFixture.NewId("declared-failure");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<DeclaredFailureWorkflow>());
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() =>
            server.Client.ExecuteWorkflowAsync((DeclaredFailureWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("declared-failure"), queue))));

        error.InnerException.ShouldNotBeNull().Message.ShouldContain("the input is not usable");
    }

    [Fact]
    public async Task A_terminated_workflows_result_carries_the_termination_reason_and_details()
    {
        var handle = await server.Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("terminated"), "nobody-polls"));
        await handle.TerminateAsync("operator stop", new WorkflowTerminateOptions { Details = ["ticket-42"] });

        var error = await Should.ThrowAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        var terminated = error.InnerException.ShouldBeOfType<TerminatedFailureException>();
        terminated.Message.ShouldBe("operator stop");
        terminated.Details.ShouldNotBeNull().ElementAt<string>(0).ShouldBe("ticket-42");
    }

    [Fact]
    public void Retry_policies_and_worker_limits_are_settable_after_construction()
    {
        var policy = new RetryPolicy();
        policy.MaximumAttempts = 4;
        policy.InitialInterval = TimeSpan.FromMilliseconds(10);
        policy.MaximumAttempts.ShouldBe(4);

        var options = new TemporalWorkerOptions("q");
        options.MaxConcurrentActivities.ShouldBeNull("null means the default, as in the official SDK");
        options.MaxConcurrentLocalActivities = 1;
        (options.MaxConcurrentLocalActivities ?? 100).ShouldBe(1);
        new ChildWorkflowOptions().ParentClosePolicy.ShouldBe(ParentClosePolicy.None, "None leaves it to the server (terminate)");
    }

    [Fact]
    public void Search_attribute_collections_and_updates_have_the_official_shapes()
    {
        var stage = SearchAttributeKey.CreateKeyword("Stage");
        var count = SearchAttributeKey.CreateLong("Count");
        var collection = new SearchAttributeCollection.Builder().Set(stage, "live").Set(count, 3L).ToSearchAttributeCollection();
        collection.Count.ShouldBe(2);
        collection.ShouldContain(stage, "it enumerates its keys");
        collection.ContainsKey(count).ShouldBeTrue();
        collection.ContainsKey("Stage").ShouldBeTrue();
        collection.UntypedValues[count].ShouldBe(3L);

        var edited = new SearchAttributeCollection.Builder(collection).Unset(stage).ToSearchAttributeCollection();
        edited.ContainsKey("Stage").ShouldBeFalse();
        collection.ContainsKey("Stage").ShouldBeTrue("the original is unchanged");

        SearchAttributeUpdate set = stage.ValueSet("done");
        set.HasValue.ShouldBeTrue();
        stage.ValueSet("done").Value.ShouldBe("done");
        SearchAttributeUpdate.ValueUnset(count).HasValue.ShouldBeFalse();
        new DeterministicRandom(42).Next().ShouldBe(new DeterministicRandom(42).Next());
    }

    [Fact]
    public void WorkflowInfo_is_positional_in_the_official_order_with_headers_last_failure_last_result_priority_and_root()
    {
        var headers = new Dictionary<string, Temporalio.Api.Common.V1.Payload> { ["h"] = new() };
        var lastFailure = new ApplicationFailureException("before");
        IReadOnlyCollection<IRawValue> lastResult = [new RawValue(new Temporalio.Api.Common.V1.Payload())];
        var started = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var info = new WorkflowInfo(
            2, "continued", "@every 1m", TimeSpan.FromMinutes(1), "first", headers, lastFailure, lastResult, "ns",
            new WorkflowInfo.ParentInfo("parent-ns", "parent-run", "parent-id"), new Priority(priorityKey: 3), new RetryPolicy(),
            new WorkflowInfo.RootInfo("root-run", "root-id"), "run", TimeSpan.FromSeconds(30), started, "queue",
            TimeSpan.FromSeconds(10), "wf-id", started.AddSeconds(1), "WfType");

        info.Headers.ShouldBeSameAs(headers);
        info.LastFailure.ShouldBeSameAs(lastFailure);
        info.LastResult.ShouldBeSameAs(lastResult);
        info.Namespace.ShouldBe("ns");
        info.Priority.PriorityKey.ShouldBe(3);
        info.Root.ShouldBe(new WorkflowInfo.RootInfo(RunId: "root-run", WorkflowId: "root-id"));
        info.RunId.ShouldBe("run");
        info.WorkflowId.ShouldBe("wf-id");
        info.WorkflowStartTime.ShouldBe(started.AddSeconds(1));
        info.WorkflowType.ShouldBe("WfType");
    }

    [Fact]
    public void ActivityInfo_is_positional_in_the_official_order_and_leaves_the_data_converter_out_of_json()
    {
        var now = DateTime.UtcNow;
        var info = new ActivityInfo(
            "act-id", "ActType", 1, now, DataConverter.Default, [], null, false, "ns", Priority.Default, null,
            TimeSpan.FromMinutes(1), now, TimeSpan.FromSeconds(5), now, "queue", [1, 2], null, null, null, null);

        info.DataConverter.ShouldBeSameAs(DataConverter.Default);
        info.Namespace.ShouldBe("ns");
        info.Priority.ShouldBe(Priority.Default);
        info.IsWorkflowActivity.ShouldBeFalse("no workflow scheduled it");
        (info with { WorkflowId = "wf" }).IsWorkflowActivity.ShouldBeTrue();
        JsonSerializer.Serialize(info).ShouldNotContain("DataConverter");
    }

    [Fact]
    public void Priority_has_optional_fields_a_default_and_value_equality()
    {
        var priority = new Priority(priorityKey: 1, fairnessKey: "tenant", fairnessWeight: 2.5F);
        priority.ShouldBe(new Priority { PriorityKey = 1, FairnessKey = "tenant", FairnessWeight = 2.5F });
        Priority.Default.ShouldBe(new Priority());
        Priority.Default.PriorityKey.ShouldBeNull();
        new WorkflowOptions("id", "q") { Priority = priority }.Priority.ShouldBe(priority);
        new ActivityOptions { Priority = priority }.Priority.ShouldBe(priority);
        new ChildWorkflowOptions { Priority = priority }.Priority.ShouldBe(priority);
    }

    [Fact]
    public async Task RpcException_exposes_its_code_raw_status_and_a_lazily_parsed_GrpcStatus()
    {
        var status = new Temporalio.Api.Common.V1.GrpcStatus { Code = 5, Message = "gone" };
        var built = new RpcException(RpcException.StatusCode.NotFound, "gone", status.ToByteArray());
        built.GrpcStatus.Value.ShouldNotBeNull().Message.ShouldBe("gone");
        new RpcException(RpcException.StatusCode.Internal, "no status", null).GrpcStatus.Value.ShouldBeNull();

        var request = new Temporalio.Api.WorkflowService.V1.StartWorkflowExecutionRequest
        {
            Namespace = server.Client.Options.Namespace,
            WorkflowId = DevServerFixture.NewId("rpc-status"),
            WorkflowType = new Temporalio.Api.Common.V1.WorkflowType { Name = "Nobody" },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = DevServerFixture.NewId("rpc-status") },
            RequestId = Guid.NewGuid().ToString(),
        };
        await server.Client.WorkflowService.StartWorkflowExecutionAsync(request);
        request.RequestId = Guid.NewGuid().ToString();
        var error = await Should.ThrowAsync<RpcException>(() => server.Client.WorkflowService.StartWorkflowExecutionAsync(request));

        error.Code.ShouldBe(RpcException.StatusCode.AlreadyExists);
        error.RawStatus.ShouldNotBeNull();
        var details = error.GrpcStatus.Value.ShouldNotBeNull().Details;
        details.ShouldContain(d => d.Is(Temporalio.Api.ErrorDetails.V1.WorkflowExecutionAlreadyStartedFailure.Descriptor));
        await server.Client.GetWorkflowHandle(request.WorkflowId).TerminateAsync("done");
    }

    [Fact]
    public async Task Child_and_external_signals_take_signal_options_whose_token_cancels_a_signal_not_yet_sent()
    {
        var queue = DevServerFixture.NewId("signal-options");
        var peerId = DevServerFixture.NewId("signal-peer");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddWorkflow<CounterWorkflow>().AddWorkflow<SignalOptionsWorkflow>());
        var (result, peerResult) = await worker.ExecuteAsync(async () =>
        {
            var peer = await server.Client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(peerId, queue));
            var result = await server.Client.ExecuteWorkflowAsync((SignalOptionsWorkflow w) => w.RunAsync(peerId), new WorkflowOptions(DevServerFixture.NewId("signal-options"), queue));
            return (result, await peer.GetResultAsync());
        });

        result.ShouldBe("Signal cancelled before scheduled | Signal was cancelled before being sent | lambda,named");
        peerResult.ShouldBe("sent", "neither cancelled signal reached the peer");
        new ExternalWorkflowSignalOptions { CancellationToken = CancellationToken.None }.Clone().ShouldBeOfType<ExternalWorkflowSignalOptions>();
        new ChildWorkflowSignalOptions().Clone().ShouldBeOfType<ChildWorkflowSignalOptions>();
    }

    [Fact]
    public void The_default_converters_can_be_customised_by_overriding_their_virtual_members()
    {
        var payloads = new UpperCasePayloadConverter();
        payloads.ToValue<string>(payloads.ToPayload("quiet")).ShouldBe("QUIET");
        payloads.EncodingCount.ShouldBe(5);

        var failures = new TaggingFailureConverter();
        var failure = failures.ToFailure(new ApplicationFailureException("boom"), payloads);
        failure.Message.ShouldBe("tagged: boom");
        failures.ToException(failure, payloads).Message.ShouldBe("tagged: boom (read back)");
    }

    private sealed class UpperCaseJsonConverter() : JsonPlainConverter(new JsonSerializerOptions())
    {
        public override string Encoding => base.Encoding;

        public override bool TryToPayload(object? value, out Temporalio.Api.Common.V1.Payload? payload) =>
            base.TryToPayload(value is string text ? text.ToUpperInvariant() : value, out payload);

        public override object? ToValue(Temporalio.Api.Common.V1.Payload payload, Type type) => base.ToValue(payload, type);
    }

    private sealed class UpperCasePayloadConverter()
        : DefaultPayloadConverter(new BinaryNullConverter(), new BinaryPlainConverter(), new JsonProtoConverter(), new BinaryProtoConverter(), new UpperCaseJsonConverter())
    {
        public int EncodingCount => IndexedEncodingConverters.Count;
    }

    private sealed class TaggingFailureConverter : DefaultFailureConverter
    {
        public override Temporalio.Api.Failure.V1.Failure ToFailure(Exception exception, IPayloadConverter payloadConverter)
        {
            var failure = base.ToFailure(exception, payloadConverter);
            failure.Message = "tagged: " + failure.Message;
            return failure;
        }

        public override Exception ToException(Temporalio.Api.Failure.V1.Failure failure, IPayloadConverter payloadConverter) =>
            new InvalidOperationException(base.ToException(failure, payloadConverter).Message + " (read back)");
    }

    [Fact]
    public void Options_are_ICloneable_with_the_copies_the_official_SDK_makes()
    {
        var rpc = new RpcOptions { Timeout = TimeSpan.FromSeconds(3) };
        var workflow = new WorkflowOptions("id", "q") { Rpc = rpc };
        var workflowCopy = (WorkflowOptions)workflow.Clone();
        workflowCopy.Id.ShouldBe("id");
        workflowCopy.Rpc.ShouldNotBeSameAs(rpc, "the copy gets its own RpcOptions");
        workflowCopy.Rpc!.Timeout.ShouldBe(TimeSpan.FromSeconds(3));

        var worker = new TemporalWorkerOptions("q").AddWorkflow<CounterWorkflow>();
        var workerCopy = (TemporalWorkerOptions)worker.Clone();
        workerCopy.AddWorkflow<GreetingWorkflow>();
        worker.Workflows.Count.ShouldBe(1, "the copy has its own workflow list");
        workerCopy.Workflows.Count.ShouldBe(2);

        var replayer = new WorkflowReplayerOptions().AddWorkflow<CounterWorkflow>();
        ((WorkflowReplayerOptions)replayer.Clone()).AddWorkflow<GreetingWorkflow>();
        replayer.Workflows.Count.ShouldBe(1);

        var tls = new TlsOptions { Domain = "example" };
        var connect = (TemporalClientConnectOptions)new TemporalClientConnectOptions("localhost:7233") { Tls = tls, Namespace = "ns" }.Clone();
        connect.Namespace.ShouldBe("ns");
        connect.Tls.ShouldNotBeSameAs(tls);

        ICloneable[] others =
        [
            new TemporalClientOptions(), new RpcOptions(), new ActivityOptions(), new LocalActivityOptions(), new ChildWorkflowOptions(),
            new ContinueAsNewOptions(), new WorkflowSignalOptions(), new WorkflowQueryOptions(), new WorkflowCancelOptions(),
            new WorkflowTerminateOptions(), new WorkflowDescribeOptions(), new WorkflowHistoryEventFetchOptions(), new WorkflowListOptions(),
            new WorkflowCountOptions(), new TemporalConnectionOptions(),
        ];
        others.ShouldAllBe(o => o.Clone().GetType() == o.GetType());
    }

    [Fact]
    public void Members_the_official_SDK_keeps_internal_are_not_public_here()
    {
        const System.Reflection.BindingFlags Public = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance;
        typeof(WorkflowDefinition).GetMethod("NameOf", Public).ShouldBeNull();
        typeof(WorkflowDefinition).GetMethod("SignalNameOf", Public).ShouldBeNull();
        typeof(WorkflowDefinition).GetMethod("QueryNameOf", Public).ShouldBeNull();
        typeof(WorkflowDefinition).GetProperty("InitConstructor", Public).ShouldBeNull();
        typeof(WorkflowDefinition).GetProperty("ResultType", Public).ShouldBeNull();
        typeof(Temporalio.Activities.ActivityDefinition).GetMethod("NameOf", Public).ShouldBeNull();
        typeof(InvalidWorkflowOperationException).GetConstructors().ShouldBeEmpty();
        typeof(WorkflowNondeterminismException).GetConstructors().ShouldBeEmpty();
        typeof(SearchAttributeKey).GetConstructors().ShouldBeEmpty();
        typeof(SearchAttributeKey<string>).GetConstructors().ShouldBeEmpty();
        typeof(TemporalConnection).GetInterfaces().ShouldNotContain(typeof(IDisposable));
        typeof(WorkflowExecutionCount).GetConstructors().ShouldBeEmpty();
        typeof(WorkflowExecutionCount).GetProperty("Count")!.SetMethod!.IsPublic.ShouldBeFalse();
        typeof(WorkflowExecutionCount.AggregationGroup).GetConstructors().ShouldBeEmpty();

        // The official extension class name, callable in its static form too.
        Func<ITemporalClient, string, IReadOnlyCollection<object?>, WorkflowOptions, Task> execute = ITemporalClientExtensions.ExecuteWorkflowAsync;
        execute.ShouldNotBeNull();
    }

    [Fact]
    public void Search_attribute_keys_compare_by_name_then_type()
    {
        var keyword = SearchAttributeKey.CreateKeyword("Stage");
        (keyword == SearchAttributeKey.CreateKeyword("Stage")).ShouldBeTrue();
        (keyword != SearchAttributeKey.CreateText("Stage")).ShouldBeTrue();
        (SearchAttributeKey.CreateLong("A") < keyword).ShouldBeTrue();
        keyword.CompareTo(SearchAttributeKey.CreateText("Stage")).ShouldNotBe(0);
        new HashSet<SearchAttributeKey> { keyword, SearchAttributeKey.CreateKeyword("Stage") }.Count.ShouldBe(1);
    }
}
