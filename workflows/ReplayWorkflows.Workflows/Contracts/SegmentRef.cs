namespace ReplayWorkflows.Workflows.Contracts;

/// <summary>A closed segment as workflows pass it around: the classifier that found it and its original bounds.</summary>
public sealed record SegmentRef(string Classifier, long StartMs, long EndMs);
