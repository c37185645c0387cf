namespace ReplayWorkflows.Media.Analysis;

/// <summary>One frame block written by FFmpeg's <c>metadata=mode=print</c>: its time and its <c>lavfi.*</c> keys.</summary>
internal sealed record MetadataFrame(double PtsTime, IReadOnlyDictionary<string, string> Values);
