using System.Text.Json.Nodes;

namespace ReplayWorkflows.Media.Rendering.MediaConvert;

/// <summary>A CreateJob body and where its outputs will appear; the planned length counts segments, not transition clips.</summary>
internal sealed record MediaConvertJobPlan(
    JsonObject Body,
    int InputCount,
    TimeSpan PlannedDuration,
    IReadOnlyDictionary<string, string> Mp4ByResolution,
    IReadOnlyDictionary<string, string> HlsByResolution,
    string? MasterPlaylist);
