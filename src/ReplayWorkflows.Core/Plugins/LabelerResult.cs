namespace ReplayWorkflows.Core.Plugins;

/// <summary>A segment's label and the features (boolean attributes) and values the labeler found for it.</summary>
public sealed record LabelerResult(
    string Label,
    IReadOnlyDictionary<string, bool> Features,
    IReadOnlyDictionary<string, double> Values);
