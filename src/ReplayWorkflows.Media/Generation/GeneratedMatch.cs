namespace ReplayWorkflows.Media.Generation;

/// <summary>The files of a generated match: one MP4, the HLS media playlist and its chunks (in order), and the ground truth.</summary>
public sealed record GeneratedMatch(
    string Directory,
    string Mp4Path,
    string PlaylistPath,
    IReadOnlyList<string> ChunkPaths,
    GroundTruth Truth);
