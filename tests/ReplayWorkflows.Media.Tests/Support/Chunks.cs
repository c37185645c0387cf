using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Media.Clips;

namespace ReplayWorkflows.Media.Tests.Support;

public static class Chunks
{
    /// <summary>The fixture's chunks on the event timeline (chunk N covers [(N-1)·len, N·len)).</summary>
    public static List<MediaChunk> Of(MediaFixture media)
    {
        var len = MediaFixture.Spec.ChunkSeconds * 1000L;
        return [.. media.Match.ChunkPaths.Select((p, i) => new MediaChunk(i + 1, p, new TimeRange(i * len, (i + 1) * len)))];
    }
}
