using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>A payload codec on the client applies to everything the worker and the workflows exchange with the server.</summary>
public abstract class PayloadCodecTests(DevServerFixture server)
{
    private static readonly DataConverter Sealed = DataConverter.Default with { PayloadCodec = new WrappingCodec() };

    [Fact]
    public async Task Workflow_inputs_activity_payloads_results_queries_and_failure_details_are_encoded_on_the_server()
    {
        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target) { DataConverter = Sealed });
        var queue = DevServerFixture.NewId("codec");
        using var worker = new TemporalWorker(client, new TemporalWorkerOptions(queue)
            .AddAllActivities(new TestActivities()).AddWorkflow<GreetingWorkflow>().AddWorkflow<CounterWorkflow>().AddWorkflow<FailingActivityWorkflow>());
        await worker.ExecuteAsync(async () =>
        {
            var greeting = await client.StartWorkflowAsync((GreetingWorkflow w) => w.RunAsync(new Greeting("Ada", 2)), new WorkflowOptions(DevServerFixture.NewId("codec"), queue));
            (await greeting.GetResultAsync()).ShouldBe("Hello, Ada! Hello, Ada!");

            // What the server stored is sealed: inputs, activity arguments and results, the workflow result.
            var history = await greeting.FetchHistoryAsync();
            var payloads = history.Events.SelectMany(StoredPayloads).ToList();
            payloads.Count.ShouldBeGreaterThanOrEqualTo(6);
            payloads.ShouldAllBe(p => p.Metadata["encoding"].ToStringUtf8() == WrappingCodec.Encoding);

            // The replayer decodes with the same converter, and fails to make sense of the history without it.
            (await new WorkflowReplayer(new WorkflowReplayerOptions { DataConverter = Sealed }.AddWorkflow<GreetingWorkflow>()).ReplayWorkflowAsync(history)).ReplayFailure.ShouldBeNull();
            (await new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<GreetingWorkflow>()).ReplayWorkflowAsync(history, throwOnReplayFailure: false)).ReplayFailure.ShouldNotBeNull();

            // Signals and queries pass through the codec both ways.
            var counter = await client.StartWorkflowAsync((CounterWorkflow w) => w.RunAsync(0), new WorkflowOptions(DevServerFixture.NewId("codec-counter"), queue));
            await counter.SignalAsync(w => w.AddAsync("sealed"));
            (await counter.QueryAsync(w => w.ItemAt(0))).ShouldBe("sealed");
            await counter.SignalAsync(w => w.FinishAsync());
            (await counter.GetResultAsync()).ShouldBe("sealed");

            // Failure details from an activity come back readable.
            var error = await Should.ThrowAsync<WorkflowFailedException>(() => client.ExecuteWorkflowAsync(
                (FailingActivityWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("codec-fail"), queue)));
            error.InnerException.ShouldBeOfType<ActivityFailureException>().InnerException.ShouldBeOfType<ApplicationFailureException>().Details.ElementAt<string>(0).ShouldBe("chunk-7");
        });
    }

    private static IEnumerable<Payload> StoredPayloads(Temporalio.Api.History.V1.HistoryEvent e) => e.EventType switch
    {
        EventType.WorkflowExecutionStarted => e.WorkflowExecutionStartedEventAttributes.Input.Payloads_,
        EventType.ActivityTaskScheduled => e.ActivityTaskScheduledEventAttributes.Input.Payloads_,
        EventType.ActivityTaskCompleted => e.ActivityTaskCompletedEventAttributes.Result.Payloads_,
        EventType.WorkflowExecutionCompleted => e.WorkflowExecutionCompletedEventAttributes.Result.Payloads_,
        _ => [],
    };

    /// <summary>Wraps each payload whole inside another with its own encoding, as an encrypting codec would.</summary>
    private sealed class WrappingCodec : IPayloadCodec
    {
        public const string Encoding = "binary/test-sealed";

        public Task<IReadOnlyCollection<Payload>> EncodeAsync(IReadOnlyCollection<Payload> payloads) =>
            Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(p => new Payload { Metadata = { ["encoding"] = ByteString.CopyFromUtf8(Encoding) }, Data = p.ToByteString() })]);

        public Task<IReadOnlyCollection<Payload>> DecodeAsync(IReadOnlyCollection<Payload> payloads) =>
            Task.FromResult<IReadOnlyCollection<Payload>>([.. payloads.Select(p => p.Metadata.TryGetValue("encoding", out var e) && e.ToStringUtf8() == Encoding ? Payload.Parser.ParseFrom(p.Data) : p)]);
    }
}
