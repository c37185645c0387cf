using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Replays;

namespace ReplayWorkflows.Activities.Replays;

/// <summary>
/// A replay as users define it: the selection request (Core) plus how to render it. Stored as the replay record's
/// <c>RequestJson</c>.
/// </summary>
public sealed record ReplaySpec(ReplayRequest Request, IReadOnlyList<string> Resolutions, bool Mp4 = true, bool Hls = true, int TransitionMs = 500)
{
    public string ToJson() => PipelineJson.Serialize(this);

    public static ReplaySpec FromJson(string json) => PipelineJson.Deserialize<ReplaySpec>(json, "replay request");
}
