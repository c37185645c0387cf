using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>Why a workflow task's commands were refused.</summary>
internal sealed record InvalidCommand(WorkflowTaskFailedCause Cause, string Message);
