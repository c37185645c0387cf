namespace ReplayWorkflows.Media.Sources;

/// <summary>A place chunks of a live event appear: a folder, an HLS playlist, an S3 prefix.</summary>
public interface IChunkSource
{
    /// <summary>
    /// Reports chunks as they appear, in number order, until the source ends or <paramref name="cancellationToken"/>
    /// fires. Chunks numbered at or below <paramref name="afterNumber"/> are skipped, so a restarted watcher resumes
    /// without repeating a chunk.
    /// </summary>
    IAsyncEnumerable<ChunkSourceEvent> WatchAsync(long afterNumber = -1, CancellationToken cancellationToken = default);
}
