using ReplayWorkflows.Media.FFmpeg;

namespace ReplayWorkflows.Media.Analysis;

/// <summary>The raw outcome of one analysis decode: the run, how far it got, and the detectors' per-frame metadata.</summary>
internal sealed record DecodeOutcome(FFmpegResult Result, TimeSpan Decoded, IReadOnlyList<MetadataFrame> VideoFrames, IReadOnlyList<IReadOnlyList<MetadataFrame>> AudioFrames);
