using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay workflow</c>: list, inspect and operate workflows on any Temporal-compatible server, with the verbs and
/// flags of Temporal's CLI (<c>temporal workflow ...</c>).
/// </summary>
internal static class WorkflowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflow = new Command("workflow", "List, inspect, signal, query, cancel and terminate workflows on a Temporal-compatible server");
        workflow.Subcommands.Add(WorkflowListCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowCountCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowDescribeCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowShowCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowSignalCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowQueryCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowCancelCommand.Create(output, error));
        workflow.Subcommands.Add(WorkflowTerminateCommand.Create(output, error));
        return workflow;
    }
}
