using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;

namespace ReplayWorkflows.Temporal.Server.Tests;

/// <summary>The started event's root execution and priority, which SDKs surface as WorkflowInfo.Root and .Priority.</summary>
public sealed class RootAndPriorityTests
{
    private static Command StartChild(string id, Priority? priority) => new()
    {
        CommandType = CommandType.StartChildWorkflowExecution,
        StartChildWorkflowExecutionCommandAttributes = new StartChildWorkflowExecutionCommandAttributes
        {
            WorkflowId = id,
            WorkflowType = new WorkflowType { Name = "Child" },
            TaskQueue = new TaskQueue { Name = EngineHarness.Queue },
            Priority = priority,
        },
    };

    [Fact]
    public async Task A_grandchild_has_the_top_workflow_as_root_and_each_child_keeps_its_own_priority()
    {
        await using var h = new EngineHarness();
        h.Start("top", priority: new Priority { PriorityKey = 4, FairnessKey = "tenant" });
        var top = await h.PollWorkflowTaskAsync();
        var topStarted = top.History.Events[0].WorkflowExecutionStartedEventAttributes;
        topStarted.Priority.ShouldBe(new Priority { PriorityKey = 4, FairnessKey = "tenant" });
        topStarted.RootWorkflowExecution.ShouldBeNull("a workflow without a parent is its own root");

        h.Complete(top, StartChild("child", new Priority { PriorityKey = 2 }));
        var child = await h.PollWorkflowTaskAsync();
        var childStarted = child.History.Events[0].WorkflowExecutionStartedEventAttributes;
        childStarted.Priority.PriorityKey.ShouldBe(2);
        childStarted.RootWorkflowExecution.ShouldBe(new WorkflowExecution { WorkflowId = "top", RunId = top.WorkflowExecution.RunId });

        h.Complete(child, StartChild("grandchild", null), EngineHarness.ScheduleActivity("a1"));
        var activity = await h.PollActivityTaskAsync();
        activity.Priority.PriorityKey.ShouldBe(2, "an activity without its own priority takes its workflow's");

        var grandchild = await NextTaskOfAsync(h, "grandchild");
        grandchild.History.Events[0].WorkflowExecutionStartedEventAttributes.RootWorkflowExecution.WorkflowId.ShouldBe("top");
    }

    [Fact]
    public async Task Continue_as_new_keeps_the_priority()
    {
        await using var h = new EngineHarness();
        h.Start("can", priority: new Priority { PriorityKey = 1 });
        var first = await h.PollWorkflowTaskAsync();
        h.Complete(first, new Command
        {
            CommandType = CommandType.ContinueAsNewWorkflowExecution,
            ContinueAsNewWorkflowExecutionCommandAttributes = new ContinueAsNewWorkflowExecutionCommandAttributes
            {
                WorkflowType = new WorkflowType { Name = "Wf" },
                TaskQueue = new TaskQueue { Name = EngineHarness.Queue },
                WorkflowRunTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)),
            },
        });
        var second = await h.PollWorkflowTaskAsync();
        second.WorkflowExecution.RunId.ShouldNotBe(first.WorkflowExecution.RunId);
        second.History.Events[0].WorkflowExecutionStartedEventAttributes.Priority.PriorityKey.ShouldBe(1);
    }

    private static async Task<PollWorkflowTaskQueueResponse> NextTaskOfAsync(EngineHarness h, string workflowId)
    {
        while (true)
        {
            var task = await h.PollWorkflowTaskAsync();
            if (task.WorkflowExecution.WorkflowId == workflowId)
            {
                return task;
            }
        }
    }
}
