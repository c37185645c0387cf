namespace ReplayWorkflows.Core.Exports;

/// <summary>An EDL for one audio track of an event: a file name and its text.</summary>
public sealed record EdlFile(int AudioTrack, string FileName, string Content);
