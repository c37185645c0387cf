using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Replays;

namespace ReplayWorkflows.Activities.Replays;

/// <summary>
/// A replay as users define it: the selection request (Core) plus how to render it. Stored as the replay record's
/// <c>RequestJson</c>. Segments are joined by a fade through black of <see cref="TransitionMs"/> (0: hard cuts) or,
/// when <see cref="TransitionClip"/> is set, by that clip played whole between every two segments.
/// </summary>
public sealed record ReplaySpec(ReplayRequest Request, IReadOnlyList<string> Resolutions, bool Mp4 = true, bool Hls = true, int TransitionMs = 500, string? TransitionClip = null)
{
    public string ToJson() => PipelineJson.Serialize(this);

    public static ReplaySpec FromJson(string json) => PipelineJson.Deserialize<ReplaySpec>(json, "replay request");
}
