using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using Temporalio.Client;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// The workflow a command acts on (<c>--workflow-id/-w</c>, <c>--run-id/-r</c>) plus the connection options, and the
/// translation of the server's answers about it (not found, already closed, refused) into one clear line.
/// </summary>
internal sealed class WorkflowTarget
{
    public TemporalOptions Temporal { get; } = new();

    public Option<string> WorkflowId { get; } = new("--workflow-id", "-w")
    {
        Description = "Workflow id",
        Required = true,
        HelpName = "id",
    };

    public Option<string?> RunId { get; } = new("--run-id", "-r")
    {
        Description = "Run id (default: the latest run of the workflow)",
        HelpName = "id",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(WorkflowId);
        command.Options.Add(RunId);
        Temporal.AddTo(command);
    }

    /// <summary>Connects, builds the handle and runs <paramref name="action"/>, mapping server refusals to <see cref="CliUserException"/>.</summary>
    public async Task<T> RunAsync<T>(ParseResult parse, string verb, Func<WorkflowHandle, Task<T>> action, CancellationToken cancellationToken)
    {
        var client = await Temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
        var id = parse.GetValue(WorkflowId)!;
        var runId = parse.GetValue(RunId);
        var handle = client.GetWorkflowHandle(id, string.IsNullOrEmpty(runId) ? null : runId);
        try
        {
            return await action(handle).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw Explain(ex, verb, id, runId, client.Options.Namespace);
        }
    }

    public static CliUserException Explain(RpcException ex, string verb, string id, string? runId, string ns)
    {
        var run = string.IsNullOrEmpty(runId) ? "" : $" (run {runId})";
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        return ex.Code switch
        {
            RpcException.StatusCode.NotFound when message.Contains("already", StringComparison.OrdinalIgnoreCase) =>
                new CliUserException($"cannot {verb} workflow {id}{run}: {message}"),
            RpcException.StatusCode.NotFound =>
                new CliUserException($"workflow {id}{run} not found in namespace {ns}"),
            RpcException.StatusCode.Unavailable or RpcException.StatusCode.DeadlineExceeded =>
                new CliUserException($"cannot {verb} workflow {id}{run}: the server did not answer ({message})"),
            _ => new CliUserException($"cannot {verb} workflow {id}{run}: {message}"),
        };
    }
}
