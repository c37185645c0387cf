using System.Linq.Expressions;

namespace Temporalio.Client;

/// <summary>A client of a Temporal namespace.</summary>
public interface ITemporalClient
{
    ITemporalConnection Connection { get; }

    TemporalClientOptions Options { get; }

    WorkflowService WorkflowService { get; }

    Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(
        Expression<Func<TWorkflow, Task<TResult>>> workflowRunCall, WorkflowOptions options);

    Task<WorkflowHandle<TWorkflow>> StartWorkflowAsync<TWorkflow>(
        Expression<Func<TWorkflow, Task>> workflowRunCall, WorkflowOptions options);

    Task<WorkflowHandle> StartWorkflowAsync(string workflow, IReadOnlyCollection<object?> args, WorkflowOptions options);

    WorkflowHandle GetWorkflowHandle(string id, string? runId = null, string? firstExecutionRunId = null);

    WorkflowHandle<TWorkflow> GetWorkflowHandle<TWorkflow>(string id, string? runId = null, string? firstExecutionRunId = null);

    WorkflowHandle<TWorkflow, TResult> GetWorkflowHandle<TWorkflow, TResult>(string id, string? runId = null, string? firstExecutionRunId = null);

    IAsyncEnumerable<WorkflowExecution> ListWorkflowsAsync(string query, WorkflowListOptions? options = null);

    Task<WorkflowExecutionCount> CountWorkflowsAsync(string query, WorkflowCountOptions? options = null);
}
