namespace ReplayWorkflows.Core.Replays;

/// <summary>The clips of a replay in play order, with their total duration and score.</summary>
public sealed record ReplaySelection(IReadOnlyList<SelectedClip> Clips)
{
    public static ReplaySelection Empty { get; } = new([]);

    public long TotalDurationMs => Clips.Sum(c => c.DurationMs);

    public long TotalScore => Clips.Sum(c => (long)(c.Score ?? 0));

    /// <summary>True when both hold the same clips in the same order (MRE's re-generation guard, made exact).</summary>
    public bool SameClipsAs(ReplaySelection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Clips.Select(c => (c.Segment, c.PlayStartMs, c.PlayEndMs)).SequenceEqual(other.Clips.Select(c => (c.Segment, c.PlayStartMs, c.PlayEndMs)));
    }
}
