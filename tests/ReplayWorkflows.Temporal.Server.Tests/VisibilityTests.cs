using Google.Protobuf;
using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Namespaces;
using ReplayWorkflows.Temporal.Server.Persistence;
using ReplayWorkflows.Temporal.Server.Visibility;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class VisibilityTests
{
    private static NamespaceRecord Namespace(params (string Name, IndexedValueType Type)[] custom)
    {
        var registry = new NamespaceRegistry(new InMemoryExecutionStore());
        registry.Ensure("default");
        registry.AddSearchAttributes("default", custom.ToDictionary(c => c.Name, c => c.Type));
        return registry.Get("default");
    }

    private static void Start(EngineHarness h, string id, string type, string? customer = null)
    {
        var request = new StartWorkflowExecutionRequest
        {
            Namespace = "default",
            WorkflowId = id,
            WorkflowType = new WorkflowType { Name = type },
            TaskQueue = new TaskQueue { Name = EngineHarness.Queue },
            RequestId = Guid.NewGuid().ToString(),
        };
        if (customer is not null)
        {
            var payload = new Payload { Data = ByteString.CopyFromUtf8($"\"{customer}\"") };
            payload.Metadata["encoding"] = ByteString.CopyFromUtf8("json/plain");
            request.SearchAttributes = new SearchAttributes { IndexedFields = { ["CustomerId"] = payload } };
        }

        h.Engine.StartWorkflow(request);
    }

    [Fact]
    public async Task Filters_combine_system_and_custom_attributes_and_order_results()
    {
        await using var h = new EngineHarness();
        Start(h, "order-2", "Order", "c-1");
        Start(h, "order-1", "Order", "c-2");
        Start(h, "invoice-1", "Invoice", "c-1");
        var ns = Namespace(("CustomerId", IndexedValueType.Keyword));

        var byCustomer = VisibilityService.List(h.Engine, ns, "CustomerId = 'c-1' ORDER BY WorkflowId", 0, ByteString.Empty);
        byCustomer.Executions.Select(e => e.Execution.WorkflowId).ShouldBe(["invoice-1", "order-2"]);

        var orders = VisibilityService.List(h.Engine, ns, "WorkflowId STARTS_WITH 'order' AND ExecutionStatus = 'Running' ORDER BY WorkflowId DESC", 0, ByteString.Empty);
        orders.Executions.Select(e => e.Execution.WorkflowId).ShouldBe(["order-2", "order-1"]);

        VisibilityService.Count(h.Engine, ns, "WorkflowType IN ('Invoice') OR CustomerId = 'c-2'").Count.ShouldBe(2);
        VisibilityService.Count(h.Engine, ns, "StartTime > '2000-01-01T00:00:00Z' AND CloseTime IS NULL").Count.ShouldBe(3);
        VisibilityService.Count(h.Engine, ns, "WorkflowType != 'Order'").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_follow_the_next_page_token()
    {
        await using var h = new EngineHarness();
        for (var i = 0; i < 5; i++)
        {
            Start(h, $"wf-{i}", "W");
        }

        var ns = Namespace();
        var first = VisibilityService.List(h.Engine, ns, "ORDER BY WorkflowId", 3, ByteString.Empty);
        first.Executions.Count.ShouldBe(3);
        var second = VisibilityService.List(h.Engine, ns, "ORDER BY WorkflowId", 3, first.NextPageToken);
        second.Executions.Select(e => e.Execution.WorkflowId).ShouldBe(["wf-3", "wf-4"]);
        second.NextPageToken.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Count_groups_by_execution_status()
    {
        await using var h = new EngineHarness();
        Start(h, "a", "W");
        Start(h, "b", "W");
        var count = VisibilityService.Count(h.Engine, Namespace(), "GROUP BY ExecutionStatus");
        count.Count.ShouldBe(2);
        count.Groups.Single().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_attributes_and_bad_times_are_invalid_argument()
    {
        await using var h = new EngineHarness();
        Start(h, "a", "W");
        Should.Throw<GrpcException>(() => VisibilityService.Count(h.Engine, Namespace(), "Nope = 'x'")).StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        Should.Throw<GrpcException>(() => VisibilityService.Count(h.Engine, Namespace(), "StartTime > 'yesterday'")).StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
    }
}
