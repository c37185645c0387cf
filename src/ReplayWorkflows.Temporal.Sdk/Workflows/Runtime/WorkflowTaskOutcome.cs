using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Failure.V1;

namespace Temporalio.Workflows.Runtime;

/// <summary>What processing a workflow task produced: commands to send, or a reason to fail the task.</summary>
internal sealed record WorkflowTaskOutcome(
    IReadOnlyList<Command> Commands,
    Failure? TaskFailure,
    WorkflowTaskFailedCause FailureCause,
    bool Evict)
{
    public static WorkflowTaskOutcome Success(IReadOnlyList<Command> commands) => new(commands, null, WorkflowTaskFailedCause.Unspecified, false);

    public static WorkflowTaskOutcome Failed(Failure failure, WorkflowTaskFailedCause cause) => new([], failure, cause, true);
}
