namespace ReplayWorkflows.Core.Exports;

/// <summary>One EDL event: a source range of event time and the names that identify its media.</summary>
public sealed record EdlClip(string ClipName, long SourceInMs, long SourceOutMs, string Reel = "AX");
