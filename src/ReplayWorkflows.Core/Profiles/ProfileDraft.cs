namespace ReplayWorkflows.Core.Profiles;

/// <summary>A value read from a profile file and where it was.</summary>
internal sealed record Located<T>(T Value, int Line, int Column);

/// <summary>A plugin entry as written, before it is checked against the catalog.</summary>
internal sealed record DraftPlugin(
    Located<string>? Name,
    Located<int>? Version,
    IReadOnlyList<Located<string>> DependsOn,
    IReadOnlyList<(Located<string> Key, Located<string> Value)> Configuration,
    int Line,
    int Column);

/// <summary>A profile file as written: every value with its position, nothing yet validated against the catalog.</summary>
internal sealed record ProfileDraft(
    Located<string>? Name,
    string Description,
    Located<long>? ChunkSizeSeconds,
    Located<string>? ProcessingFrameRate,
    Located<long>? MaxSegmentLengthSeconds,
    IReadOnlyList<DraftPlugin> Classifiers,
    IReadOnlyList<DraftPlugin> Optimizers,
    IReadOnlyList<DraftPlugin> Labelers,
    IReadOnlyList<DraftPlugin> Featurers,
    int Line,
    int Column);
