namespace ReplayWorkflows.Temporal.Server.Matching;

/// <summary>A worker identity seen polling a task queue, for DescribeTaskQueue.</summary>
internal sealed record PollerInfo(string Identity, DateTimeOffset LastAccessTime);
