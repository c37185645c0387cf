namespace ReplayWorkflows.Core.Plugins;

/// <summary>
/// How a plugin is executed. In-process plugins still run inside an activity on the task queue of their class, so
/// workers scale per class; an external plugin names its own task queue and activity type.
/// </summary>
public sealed record PluginExecution(PluginExecutionKind Kind, string TaskQueue, string? ActivityType)
{
    public static PluginExecution InProcess(PluginClass pluginClass) =>
        new(PluginExecutionKind.InProcess, DefaultTaskQueue(pluginClass), null);

    public static PluginExecution Activity(string taskQueue, string activityType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskQueue);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        return new(PluginExecutionKind.TemporalActivity, taskQueue, activityType);
    }

    /// <summary>The task queue per plugin class, for example <c>replay-plugins-featurer</c>.</summary>
    public static string DefaultTaskQueue(PluginClass pluginClass) => pluginClass switch
    {
        PluginClass.Featurer => "replay-plugins-featurer",
        PluginClass.Classifier => "replay-plugins-classifier",
        PluginClass.Optimizer => "replay-plugins-optimizer",
        PluginClass.Labeler => "replay-plugins-labeler",
        _ => throw new ArgumentOutOfRangeException(nameof(pluginClass)),
    };
}
