namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>The files a replay render wrote (MP4 per resolution, HLS master playlist).</summary>
public sealed record ReplayRendered(string ReplayId, int Revision, IReadOnlyList<string> Files);
