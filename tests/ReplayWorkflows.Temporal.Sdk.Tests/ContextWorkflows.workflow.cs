using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Temporalio.Converters;
using Temporalio.Workflows;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>
/// Reads what a workflow knows about itself (info, memo, init arguments, replaying or not) and waits for two
/// activities at once.
/// </summary>
[Workflow]
public class ContextWorkflow
{
    /// <summary>What <c>Workflow.Unsafe.IsReplaying</c> said at the start of each execution of the run method, by workflow id.</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<bool>> ReplayingSeen = new();

    private readonly string prefix;

    [WorkflowInit]
    public ContextWorkflow(string prefix) => this.prefix = prefix.ToUpperInvariant();

    [WorkflowQuery]
    public string Prefix => prefix;

    [WorkflowRun]
    public async Task<string> RunAsync(string prefix)
    {
        ReplayingSeen.GetOrAdd(Workflow.Info.WorkflowId, _ => new()).Enqueue(Workflow.Unsafe.IsReplaying);
        Workflow.Logger.LogInformation("Context workflow {WorkflowId} started with {Prefix}", Workflow.Info.WorkflowId, prefix);
        var sums = await Workflow.WhenAllAsync(new[]
        {
            Workflow.ExecuteActivityAsync((TestActivities a) => a.AddAsync(1, 2), GreetingWorkflow.Options),
            Workflow.ExecuteActivityAsync((TestActivities a) => a.AddAsync(3, 4), GreetingWorkflow.Options),
        });
        var owner = Workflow.PayloadConverter.ToValue<string>(Workflow.Memo["owner"]);
        var info = Workflow.Info;
        return $"{this.prefix} {sums[0]}+{sums[1]} owner={owner} type={info.WorkflowType} queue={info.TaskQueue} attempt={info.Attempt} "
            + $"timeout={info.ExecutionTimeout?.TotalSeconds} first={info.FirstExecutionRunId == info.RunId} in={Workflow.InWorkflow}";
    }
}
