namespace ReplayWorkflows.Core.Plugins;

/// <summary>Where a plugin's code runs.</summary>
public enum PluginExecutionKind
{
    /// <summary>A .NET class loaded by the plugin host and called in the worker process.</summary>
    InProcess,

    /// <summary>A Temporal activity served by some worker (any language) polling a named task queue.</summary>
    TemporalActivity,
}
