using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>Version 1 of "Patching": greets.</summary>
[Workflow("Patching")]
public class PatchingV1
{
    [WorkflowRun]
    public Task<string> RunAsync() => Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(new Greeting("v1", 1)), GreetingWorkflow.Options);
}

/// <summary>Version 2: new runs add instead, old histories still greet.</summary>
[Workflow("Patching")]
public class PatchingV2
{
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        if (Workflow.Patched("use-add"))
        {
            var sum = await Workflow.ExecuteActivityAsync((TestActivities a) => a.AddAsync(2, 3), GreetingWorkflow.Options);
            return $"patched {sum}";
        }

        return await Workflow.ExecuteActivityAsync((TestActivities a) => a.Greet(new Greeting("v1", 1)), GreetingWorkflow.Options);
    }
}

/// <summary>Version 3: every run that may still replay has the patch; the old branch is gone.</summary>
[Workflow("Patching")]
public class PatchingV3
{
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        Workflow.DeprecatePatch("use-add");
        var sum = await Workflow.ExecuteActivityAsync((TestActivities a) => a.AddAsync(2, 3), GreetingWorkflow.Options);
        return $"deprecated {sum}";
    }
}
