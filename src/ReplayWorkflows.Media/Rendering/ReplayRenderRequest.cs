using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Clips;

namespace ReplayWorkflows.Media.Rendering;

/// <summary>
/// A replay: event-time <see cref="Segments"/> (in play order) cut from <see cref="Chunks"/>, joined with a fade
/// through black of <see cref="TransitionMs"/> (0 = hard cut) and an audio crossfade, or with
/// <see cref="TransitionClip"/> (a short video, about 1 s, played whole between every two segments), rendered at each resolution
/// as <c>{res}/Name.mp4</c> and/or HLS <c>{res}/Name.m3u8</c> with <c>Name-master.m3u8</c>.
/// </summary>
public sealed record ReplayRenderRequest(
    IReadOnlyList<MediaChunk> Chunks,
    IReadOnlyList<TimeRange> Segments,
    IReadOnlyList<RenderResolution> Resolutions,
    string OutputDirectory,
    string Name,
    bool Mp4 = true,
    bool Hls = false,
    int TransitionMs = 0,
    int HlsSegmentSeconds = 10,
    string? TransitionClip = null)
{
    /// <summary>The rules every renderer applies; throws <see cref="ReplayRequestRefusedException"/> on the first broken one.</summary>
    public void Validate()
    {
        if (Segments.Count == 0 || Resolutions.Count == 0)
        {
            throw new ReplayRequestRefusedException("a replay needs at least one segment and one resolution");
        }

        if (!Mp4 && !Hls)
        {
            throw new ReplayRequestRefusedException("ask for MP4, HLS or both");
        }

        if (TransitionMs > 0 && TransitionClip is not null)
        {
            throw new ReplayRequestRefusedException("a replay has either a fade (TransitionMs) or a transition clip, not both");
        }

        if (TransitionMs > 0 && Segments.Any(s => s.DurationMs <= TransitionMs * 2))
        {
            throw new ReplayRequestRefusedException($"every segment must last more than twice the {TransitionMs} ms transition");
        }
    }
}
