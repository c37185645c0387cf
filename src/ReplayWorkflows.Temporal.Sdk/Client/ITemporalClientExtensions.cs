using System.Linq.Expressions;

namespace Temporalio.Client;

/// <summary>Start-and-wait helpers.</summary>
public static class ITemporalClientExtensions
{
    public static async Task<TResult> ExecuteWorkflowAsync<TWorkflow, TResult>(
        this ITemporalClient client, Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, WorkflowOptions options)
    {
        var handle = await client.StartWorkflowAsync(workflowRunCall, options).ConfigureAwait(false);
        return await handle.GetResultAsync(rpcOptions: options.Rpc).ConfigureAwait(false);
    }

    public static async Task ExecuteWorkflowAsync<TWorkflow>(
        this ITemporalClient client, Expression<Func<TWorkflow, Task>> workflowRunCall, WorkflowOptions options)
    {
        var handle = await client.StartWorkflowAsync(workflowRunCall, options).ConfigureAwait(false);
        await handle.GetResultAsync(rpcOptions: options.Rpc).ConfigureAwait(false);
    }

    public static async Task<TResult> ExecuteWorkflowAsync<TResult>(
        this ITemporalClient client, string workflow, IReadOnlyCollection<object?> args, WorkflowOptions options)
    {
        var handle = await client.StartWorkflowAsync(workflow, args, options).ConfigureAwait(false);
        return await handle.GetResultAsync<TResult>(rpcOptions: options.Rpc).ConfigureAwait(false);
    }

    public static async Task ExecuteWorkflowAsync(
        this ITemporalClient client, string workflow, IReadOnlyCollection<object?> args, WorkflowOptions options)
    {
        var handle = await client.StartWorkflowAsync(workflow, args, options).ConfigureAwait(false);
        await handle.GetResultAsync(rpcOptions: options.Rpc).ConfigureAwait(false);
    }
}
