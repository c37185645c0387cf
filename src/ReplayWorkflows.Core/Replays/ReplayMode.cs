namespace ReplayWorkflows.Core.Replays;

public enum ReplayMode
{
    /// <summary>Fill a target duration (plus tolerance) with the best-scoring segments.</summary>
    Duration,

    /// <summary>Every segment that has an included feature, without a duration limit.</summary>
    ClipFeatures,

    /// <summary>Explicit time ranges, in the order given.</summary>
    Timestamps,
}
