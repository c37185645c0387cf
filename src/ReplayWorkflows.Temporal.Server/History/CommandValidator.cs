using Google.Protobuf.Collections;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Temporal.Server.History;

/// <summary>Checks a workflow task's commands before any of them is applied, so a bad batch writes nothing.</summary>
internal static class CommandValidator
{
    public static bool IsTerminal(CommandType type) => type is CommandType.CompleteWorkflowExecution
        or CommandType.FailWorkflowExecution or CommandType.CancelWorkflowExecution or CommandType.ContinueAsNewWorkflowExecution;

    /// <param name="searchAttributeProblem">(namespace, name) to why it cannot be set, or null when it can.</param>
    public static InvalidCommand? Validate(RepeatedField<Command> commands, MutableState run, Func<string, string, string?>? searchAttributeProblem = null)
    {
        var newActivityIds = new HashSet<string>(StringComparer.Ordinal);
        var newTimerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (IsTerminal(command.CommandType) && i != commands.Count - 1)
            {
                // Temporal ignores commands after a close command; we refuse them so nothing is silently dropped.
                return new InvalidCommand(WorkflowTaskFailedCause.UnhandledCommand, $"{command.CommandType} must be the last command.");
            }

            var problem = command.CommandType switch
            {
                CommandType.ScheduleActivityTask => ValidateActivity(command.ScheduleActivityTaskCommandAttributes, run, newActivityIds),
                CommandType.RequestCancelActivityTask when command.RequestCancelActivityTaskCommandAttributes is null =>
                    Bad(WorkflowTaskFailedCause.BadRequestCancelActivityAttributes, "RequestCancelActivityTaskCommandAttributes is not set."),
                CommandType.StartTimer => ValidateTimer(command.StartTimerCommandAttributes, run, newTimerIds),
                CommandType.CancelTimer when command.CancelTimerCommandAttributes is null =>
                    Bad(WorkflowTaskFailedCause.BadCancelTimerAttributes, "CancelTimerCommandAttributes is not set."),
                CommandType.RecordMarker when string.IsNullOrEmpty(command.RecordMarkerCommandAttributes?.MarkerName) =>
                    Bad(WorkflowTaskFailedCause.BadRecordMarkerAttributes, "MarkerName is not set."),
                CommandType.StartChildWorkflowExecution => ValidateChild(command.StartChildWorkflowExecutionCommandAttributes),
                CommandType.SignalExternalWorkflowExecution when string.IsNullOrEmpty(command.SignalExternalWorkflowExecutionCommandAttributes?.Execution?.WorkflowId) =>
                    Bad(WorkflowTaskFailedCause.BadSignalWorkflowExecutionAttributes, "WorkflowId is not set on the signal target."),
                CommandType.RequestCancelExternalWorkflowExecution when string.IsNullOrEmpty(command.RequestCancelExternalWorkflowExecutionCommandAttributes?.WorkflowId) =>
                    Bad(WorkflowTaskFailedCause.BadRequestCancelExternalWorkflowExecutionAttributes, "WorkflowId is not set on the cancel target."),
                CommandType.ContinueAsNewWorkflowExecution when string.IsNullOrEmpty(command.ContinueAsNewWorkflowExecutionCommandAttributes?.WorkflowType?.Name) =>
                    Bad(WorkflowTaskFailedCause.BadContinueAsNewAttributes, "WorkflowType is not set."),
                CommandType.ScheduleActivityTask or CommandType.RequestCancelActivityTask or CommandType.StartTimer or CommandType.CancelTimer
                    or CommandType.RecordMarker or CommandType.StartChildWorkflowExecution or CommandType.SignalExternalWorkflowExecution
                    or CommandType.RequestCancelExternalWorkflowExecution or CommandType.UpsertWorkflowSearchAttributes
                    or CommandType.ModifyWorkflowProperties or CommandType.CompleteWorkflowExecution or CommandType.FailWorkflowExecution
                    or CommandType.CancelWorkflowExecution or CommandType.ContinueAsNewWorkflowExecution => null,
                _ => Bad(WorkflowTaskFailedCause.UnhandledCommand, $"Command {command.CommandType} is not supported by this server."),
            };
            problem ??= ValidateSearchAttributes(command, run, searchAttributeProblem);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>As Temporal: upserted, child and continue-as-new search attributes must be registered (BadSearchAttributes).</summary>
    private static InvalidCommand? ValidateSearchAttributes(Command command, MutableState run, Func<string, string, string?>? problemOf)
    {
        if (problemOf is null)
        {
            return null;
        }

        var attributes = command.CommandType switch
        {
            CommandType.UpsertWorkflowSearchAttributes => command.UpsertWorkflowSearchAttributesCommandAttributes?.SearchAttributes,
            CommandType.StartChildWorkflowExecution => command.StartChildWorkflowExecutionCommandAttributes?.SearchAttributes,
            CommandType.ContinueAsNewWorkflowExecution => command.ContinueAsNewWorkflowExecutionCommandAttributes?.SearchAttributes,
            _ => null,
        };
        foreach (var name in attributes?.IndexedFields.Keys ?? Enumerable.Empty<string>())
        {
            if (problemOf(run.Key.Namespace, name) is { } problem)
            {
                return Bad(WorkflowTaskFailedCause.BadSearchAttributes, $"{command.CommandType}: {problem}");
            }
        }

        return null;
    }

    private static InvalidCommand Bad(WorkflowTaskFailedCause cause, string message) => new(cause, message);

    private static InvalidCommand? ValidateActivity(ScheduleActivityTaskCommandAttributes? a, MutableState run, HashSet<string> newIds)
    {
        const WorkflowTaskFailedCause cause = WorkflowTaskFailedCause.BadScheduleActivityAttributes;
        if (a is null)
        {
            return Bad(cause, "ScheduleActivityTaskCommandAttributes is not set.");
        }

        if (string.IsNullOrEmpty(a.ActivityId))
        {
            return Bad(cause, "ActivityId is not set.");
        }

        if (string.IsNullOrEmpty(a.ActivityType?.Name))
        {
            return Bad(cause, "ActivityType is not set.");
        }

        if (run.ActivityIds.ContainsKey(a.ActivityId) || !newIds.Add(a.ActivityId))
        {
            return Bad(cause, $"Activity id {a.ActivityId} is already in use.");
        }

        var scheduleToClose = a.ScheduleToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        var startToClose = a.StartToCloseTimeout?.ToTimeSpan() ?? TimeSpan.Zero;
        if (scheduleToClose < TimeSpan.Zero || startToClose < TimeSpan.Zero)
        {
            return Bad(cause, "Activity timeouts cannot be negative.");
        }

        if (scheduleToClose == TimeSpan.Zero && startToClose == TimeSpan.Zero)
        {
            return Bad(cause, "A valid StartToClose or ScheduleToCloseTimeout is not set on ScheduleActivityTaskCommand.");
        }

        return null;
    }

    private static InvalidCommand? ValidateTimer(StartTimerCommandAttributes? a, MutableState run, HashSet<string> newIds)
    {
        const WorkflowTaskFailedCause cause = WorkflowTaskFailedCause.BadStartTimerAttributes;
        if (a is null || string.IsNullOrEmpty(a.TimerId))
        {
            return Bad(cause, "TimerId is not set.");
        }

        if (run.Timers.ContainsKey(a.TimerId) || !newIds.Add(a.TimerId))
        {
            return Bad(WorkflowTaskFailedCause.StartTimerDuplicateId, $"Timer id {a.TimerId} is already in use.");
        }

        if (a.StartToFireTimeout is null || a.StartToFireTimeout.ToTimeSpan() <= TimeSpan.Zero)
        {
            return Bad(cause, "A valid StartToFireTimeout is not set on StartTimerCommand.");
        }

        return null;
    }

    private static InvalidCommand? ValidateChild(StartChildWorkflowExecutionCommandAttributes? a)
    {
        const WorkflowTaskFailedCause cause = WorkflowTaskFailedCause.BadStartChildExecutionAttributes;
        if (a is null || string.IsNullOrEmpty(a.WorkflowId))
        {
            return Bad(cause, "WorkflowId is not set on StartChildWorkflowExecutionCommand.");
        }

        if (string.IsNullOrEmpty(a.WorkflowType?.Name))
        {
            return Bad(cause, "WorkflowType is not set on StartChildWorkflowExecutionCommand.");
        }

        if (CronProblem(a.CronSchedule) is { } cronProblem)
        {
            return Bad(cause, cronProblem);
        }

        if (RetryPolicies.Problem(a.RetryPolicy) is { } retryProblem)
        {
            return Bad(cause, retryProblem);
        }

        return null;
    }

    /// <summary>Why a cron schedule cannot be used, or null when it is empty or valid.</summary>
    public static string? CronProblem(string? cron)
    {
        if (string.IsNullOrEmpty(cron))
        {
            return null;
        }

        try
        {
            CronSchedule.Parse(cron);
            return null;
        }
        catch (FormatException e)
        {
            return $"Invalid CronSchedule: {e.Message}";
        }
    }
}
