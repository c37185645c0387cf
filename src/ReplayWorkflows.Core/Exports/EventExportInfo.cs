using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// The event facts every export carries. <paramref name="SourceName"/> names the event's media in EDL clip-name
/// comments; <paramref name="OutputAttributes"/> are the feature names the profile's plugins declare.
/// </summary>
public sealed record EventExportInfo(
    string Id,
    string Name,
    string Program,
    string Profile,
    FrameRate FrameRate,
    IReadOnlyList<int> AudioTracks,
    string SourceName,
    IReadOnlyList<string> OutputAttributes);
