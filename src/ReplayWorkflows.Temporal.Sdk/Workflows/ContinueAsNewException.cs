using Temporalio.Exceptions;

namespace Temporalio.Workflows;

/// <summary>Thrown from a workflow's run method to continue as a new run with fresh history.</summary>
public class ContinueAsNewException : TemporalException
{
    internal ContinueAsNewException(string workflow, IReadOnlyCollection<object?> args, ContinueAsNewOptions? options)
        : base("Continue as new")
    {
        Workflow = workflow;
        Args = args;
        Options = options;
    }

    internal string Workflow { get; }

    internal IReadOnlyCollection<object?> Args { get; }

    internal ContinueAsNewOptions? Options { get; }
}
