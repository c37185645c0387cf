using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using Temporalio.Workflows;
using Temporalio.Workflows.Runtime;

namespace Temporalio.Worker;

/// <summary>Which workflows a <see cref="WorkflowReplayer"/> knows and how it converts payloads.</summary>
public class WorkflowReplayerOptions : ICloneable
{
    private List<WorkflowDefinition> workflows = [];

    public IList<WorkflowDefinition> Workflows => workflows;

    public string Namespace { get; set; } = "ReplayNamespace";

    public string TaskQueue { get; set; } = "ReplayTaskQueue";

    public DataConverter DataConverter { get; set; } = DataConverter.Default;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Exception types that fail a workflow instead of its task, as on the worker that ran it.</summary>
    public IReadOnlyCollection<Type>? WorkflowFailureExceptionTypes { get; set; }

    public string? Identity { get; set; }

    /// <summary>Accepted for the official API; the replayer runs without a deadlock timer anyway.</summary>
    public bool DebugMode { get; set; }

    public WorkflowReplayerOptions AddWorkflow<T>() => AddWorkflow(typeof(T));

    public WorkflowReplayerOptions AddWorkflow(Type type) => AddWorkflow(WorkflowDefinition.Create(type));

    public WorkflowReplayerOptions AddWorkflow(WorkflowDefinition workflow)
    {
        Workflows.Add(workflow);
        return this;
    }

    /// <summary>A shallow copy with its own list of workflows.</summary>
    public virtual object Clone()
    {
        var copy = (WorkflowReplayerOptions)MemberwiseClone();
        copy.workflows = [.. workflows];
        return copy;
    }
}

/// <summary>The outcome of replaying one history.</summary>
public record WorkflowReplayResult(WorkflowHistory History, Exception? ReplayFailure);

/// <summary>
/// Replays recorded histories through workflow code offline, to prove that a code change is still deterministic
/// (a command that does not match history raises <see cref="WorkflowNondeterminismException"/>).
/// </summary>
public class WorkflowReplayer
{
    public WorkflowReplayer(WorkflowReplayerOptions options)
    {
        Options = options;
        if (options.Workflows.Count == 0)
        {
            throw new ArgumentException("the replayer needs at least one workflow");
        }
    }

    public WorkflowReplayerOptions Options { get; }

    public async Task<WorkflowReplayResult> ReplayWorkflowAsync(WorkflowHistory history, bool throwOnReplayFailure = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        cancellationToken.ThrowIfCancellationRequested();
        var started = history.Events.FirstOrDefault(e => e.EventType == EventType.WorkflowExecutionStarted)
            ?? throw new ArgumentException($"history of {history.Id} has no WorkflowExecutionStarted event");
        var type = started.WorkflowExecutionStartedEventAttributes.WorkflowType.Name;
        var definition = Options.Workflows.FirstOrDefault(w => w.Name == type)
            ?? throw new ArgumentException($"history of {history.Id} is of workflow type {type}, which the replayer does not know");
        var logger = (Options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Temporalio.Worker.WorkflowReplayer");
        var instance = new WorkflowInstance(definition, Options.Namespace, Options.TaskQueue, Options.DataConverter, logger, Options.WorkflowFailureExceptionTypes)
        {
            WorkflowId = history.Id,
        };
        var events = history.Events.ToList();
        if (Options.DataConverter.PayloadCodec is { } codec)
        {
            // Decode copies: the caller's history stays as the server stored it.
            events = [.. events.Select(e => e.Clone())];
            foreach (var e in events)
            {
                await PayloadVisitor.DecodeAsync(codec, e).ConfigureAwait(false);
            }
        }

        var outcome = instance.ProcessEvents(events);
        Exception? failure = outcome.TaskFailure is { } f
            ? outcome.FailureCause == WorkflowTaskFailedCause.NonDeterministicError
                ? new WorkflowNondeterminismException(f.Message)
                : new InvalidWorkflowOperationException(f.Message)
            : null;
        if (failure is not null && throwOnReplayFailure)
        {
            throw failure;
        }

        return new WorkflowReplayResult(history, failure);
    }

    /// <summary>Replays each history; failures are collected in the results unless <paramref name="throwOnReplayFailure"/>.</summary>
    public async Task<IEnumerable<WorkflowReplayResult>> ReplayWorkflowsAsync(
        IEnumerable<WorkflowHistory> histories, bool throwOnReplayFailure = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var results = new List<WorkflowReplayResult>();
        foreach (var history in histories)
        {
            results.Add(await ReplayWorkflowAsync(history, throwOnReplayFailure, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Replays histories as they arrive (for example from a listing of the server's workflows).</summary>
    public async IAsyncEnumerable<WorkflowReplayResult> ReplayWorkflowsAsync(
        IAsyncEnumerable<WorkflowHistory> histories,
        bool throwOnReplayFailure = false,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        await foreach (var history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return await ReplayWorkflowAsync(history, throwOnReplayFailure, cancellationToken).ConfigureAwait(false);
        }
    }
}
