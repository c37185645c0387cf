namespace Temporalio.Common;

/// <summary>
/// Task-queue ordering hints for a workflow or activity. Null fields mean "server default" (or, for an activity,
/// the workflow's value).
/// </summary>
public sealed record Priority
{
    public Priority(int? priorityKey = null, string? fairnessKey = null, float? fairnessWeight = null)
    {
        PriorityKey = priorityKey;
        FairnessKey = fairnessKey;
        FairnessWeight = fairnessWeight;
    }

    /// <summary>Reads the proto form, where zero and empty stand for "not set".</summary>
    internal Priority(Api.Common.V1.Priority proto)
        : this(
            proto.PriorityKey != 0 ? proto.PriorityKey : null,
            proto.FairnessKey.Length > 0 ? proto.FairnessKey : null,
            proto.FairnessWeight != 0 ? proto.FairnessWeight : null)
    {
    }

    /// <summary>No preference set: every field null.</summary>
    public static Priority Default { get; } = new();

    /// <summary>1 is the highest; larger keys run later. Null uses the server's default.</summary>
    public int? PriorityKey { get; init; }

    /// <summary>Tasks are balanced across fairness keys in proportion to their weights.</summary>
    public string? FairnessKey { get; init; }

    public float? FairnessWeight { get; init; }

    internal static Priority FromProto(Api.Common.V1.Priority? proto) => proto is null ? Default : new(proto);

    internal Api.Common.V1.Priority ToProto() => new()
    {
        PriorityKey = PriorityKey ?? 0,
        FairnessKey = FairnessKey ?? string.Empty,
        FairnessWeight = FairnessWeight ?? 0F,
    };
}
