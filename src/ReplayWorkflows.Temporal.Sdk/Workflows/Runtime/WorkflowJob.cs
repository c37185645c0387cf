using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;

namespace Temporalio.Workflows.Runtime;

/// <summary>One thing an activation applies before workflow code runs (a start, a signal, a resolution...).</summary>
internal abstract record WorkflowJob;

internal sealed record StartWorkflowJob(WorkflowExecutionStartedEventAttributes Attributes, DateTime StartTime, string RunId) : WorkflowJob;

internal sealed record SignalWorkflowJob(string Name, Payloads? Input) : WorkflowJob;

internal sealed record CancelWorkflowJob(string Reason) : WorkflowJob;

internal sealed record FireTimerJob(int Seq) : WorkflowJob;

internal sealed record ResolveActivityJob(int Seq, Payloads? Result, Failure? Failure) : WorkflowJob;

internal sealed record ResolveChildStartJob(int Seq, string? RunId, string? FailureMessage) : WorkflowJob;

internal sealed record ResolveChildJob(int Seq, Payloads? Result, Failure? Failure) : WorkflowJob;

internal sealed record ResolveExternalJob(int Seq, Failure? Failure) : WorkflowJob;
