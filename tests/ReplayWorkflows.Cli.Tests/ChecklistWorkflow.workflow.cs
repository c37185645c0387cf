using Temporalio.Workflows;

namespace ReplayWorkflows.Cli.Tests;

/// <summary>The workflow the <c>replay workflow</c> tests drive: signals add items, queries read them.</summary>
[Workflow]
public class ChecklistWorkflow
{
    private readonly List<string> items = [];
    private bool done;

    [WorkflowQuery]
    public IReadOnlyList<string> Items => items;

    [WorkflowQuery]
    public string ItemAt(int index) => items[index];

    [WorkflowSignal]
    public Task AddAsync(string item)
    {
        items.Add(item);
        return Task.CompletedTask;
    }

    /// <summary>Two arguments: the item and how many times to add it.</summary>
    [WorkflowSignal]
    public Task AddTimesAsync(string item, int times)
    {
        for (var i = 0; i < times; i++)
        {
            items.Add(item);
        }

        return Task.CompletedTask;
    }

    [WorkflowSignal]
    public Task FinishAsync()
    {
        done = true;
        return Task.CompletedTask;
    }

    [WorkflowRun]
    public async Task<string> RunAsync(string title)
    {
        await Workflow.WaitConditionAsync(() => done);
        return $"{title}: {string.Join(",", items)}";
    }
}
