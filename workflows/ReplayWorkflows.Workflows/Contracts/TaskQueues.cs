using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>
/// The pipeline's task queues. Workflows and event-level activities share one queue; each plugin class has its own so
/// featurers can scale apart from classifiers; rendering (FFmpeg, MediaConvert) has its own so heavy encodes never
/// starve analysis. Clips and replays render on separate queues: a live segment's clips must not wait behind a
/// minutes-long replay encode.
/// </summary>
public static class TaskQueues
{
    public const string Events = "replay-events";
    public const string Featurer = "replay-plugins-featurer";
    public const string Classifier = "replay-plugins-classifier";
    public const string Optimizer = "replay-plugins-optimizer";
    public const string Labeler = "replay-plugins-labeler";
    /// <summary>Clips of segments as they close (latency matters: live viewers wait for them).</summary>
    public const string Render = "replay-render";

    /// <summary>Replay renders and exports: long encodes, one at a time per worker.</summary>
    public const string RenderReplays = "replay-render-replays";

    public static IReadOnlyList<string> All { get; } = [Events, Featurer, Classifier, Optimizer, Labeler, Render, RenderReplays];

    public static string ForPluginClass(PluginClass pluginClass) => pluginClass switch
    {
        PluginClass.Featurer => Featurer,
        PluginClass.Classifier => Classifier,
        PluginClass.Optimizer => Optimizer,
        PluginClass.Labeler => Labeler,
        _ => throw new ArgumentOutOfRangeException(nameof(pluginClass), pluginClass, "no task queue for this plugin class"),
    };
}
