namespace ReplayWorkflows.Core.Plugins;

/// <summary>What a plugin does in the per-chunk pipeline. Detectors are featurers that an optimizer depends on.</summary>
public enum PluginClass
{
    /// <summary>Finds data points (labels, flags, ranges) in a chunk; any number per profile.</summary>
    Featurer,

    /// <summary>Decides where segments start and end; exactly one per profile.</summary>
    Classifier,

    /// <summary>Moves segment in and out points to better cut points found by detectors; at most one.</summary>
    Optimizer,

    /// <summary>Gives closed segments a label and features; at most one.</summary>
    Labeler,
}
