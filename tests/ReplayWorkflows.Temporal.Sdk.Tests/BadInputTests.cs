using System.Diagnostics;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Bad input gets a clear error that names what is wrong, never a hang.</summary>
public sealed class BadInputTests(DevServerFixture server) : IClassFixture<DevServerFixture>
{
    [Fact]
    public async Task Connecting_to_an_address_where_no_server_listens_fails_fast_and_names_the_address()
    {
        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<Exception>(() => TemporalClient.ConnectAsync(new TemporalClientConnectOptions("127.0.0.1:1")));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "it does not hang");
        error.ShouldBeAssignableTo<TemporalException>();
        error.Message.ShouldContain("127.0.0.1:1");
    }

    [Fact]
    public async Task An_argument_the_activity_cannot_read_fails_the_activity_naming_it()
    {
        var queue = DevServerFixture.NewId("bad-arg");
        using var worker = new TemporalWorker(server.Client, new TemporalWorkerOptions(queue).AddAllActivities(new TestActivities()).AddWorkflow<WrongArgumentWorkflow>());
        var error = await worker.ExecuteAsync(() => Should.ThrowAsync<WorkflowFailedException>(() =>
            server.Client.ExecuteWorkflowAsync((WrongArgumentWorkflow w) => w.RunAsync(), new WorkflowOptions(DevServerFixture.NewId("bad-arg"), queue))));

        var activity = error.InnerException.ShouldBeOfType<ActivityFailureException>();
        activity.ActivityType.ShouldBe("Add");
        var cause = activity.InnerException.ShouldBeOfType<ApplicationFailureException>();
        cause.Message.ShouldStartWith("Activity Add: argument 0 cannot be read as Int32");
    }
}
