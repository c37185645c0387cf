namespace ReplayWorkflows.Temporal.Server.Matching;

/// <summary>Workflow-task and activity-task queues with the same name are separate queues.</summary>
internal enum QueueType
{
    Workflow,
    Activity,
}
