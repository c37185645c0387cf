using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Replays;

/// <summary>
/// What a replay asks for. Duration mode never exceeds <see cref="DurationMs"/> + <see cref="ToleranceMs"/>; liked
/// segments are forced in when <see cref="IncludeLiked"/> (still within that cap) and disliked ones dropped when
/// <see cref="IgnoreDisliked"/>. A catch-up replay is recomputed as segments arrive.
/// </summary>
public sealed record ReplayRequest(
    string Id,
    ReplayMode Mode,
    IReadOnlyList<FeatureSelector> Features,
    int AudioTrack = 1,
    long DurationMs = 0,
    long ToleranceMs = 30_000,
    bool EqualDistribution = false,
    IReadOnlyList<TimeRange>? Timestamps = null,
    bool IncludeLiked = false,
    bool IgnoreDisliked = false,
    bool DisregardZeroWeight = false,
    bool CatchUp = false)
{
    /// <summary>The hard limit of the total duration in duration mode.</summary>
    public long CapMs => DurationMs + ToleranceMs;

    /// <summary>Everything wrong with this request (empty when it is valid), one sentence each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("a replay needs an id");
        }

        if (AudioTrack is < 1 or > 20)
        {
            problems.Add($"audio track {AudioTrack} is outside 1-20");
        }

        switch (Mode)
        {
            case ReplayMode.Duration:
                if (DurationMs <= 0)
                {
                    problems.Add("duration mode needs a positive duration");
                }

                if (ToleranceMs < 0)
                {
                    problems.Add("the tolerance cannot be negative");
                }

                if (Features.Count == 0)
                {
                    problems.Add("duration mode needs at least one feature to score segments by");
                }

                break;
            case ReplayMode.ClipFeatures:
                if (!Features.Any(f => f.Include))
                {
                    problems.Add("clip-feature mode needs at least one included feature");
                }

                break;
            case ReplayMode.Timestamps:
                if (Timestamps is not { Count: > 0 } || Timestamps.Any(t => t.DurationMs <= 0))
                {
                    problems.Add("timestamp mode needs at least one range, each with its end after its start");
                }

                break;
        }

        foreach (var f in Features.Where(f => f.Weight is < 0 or > 100))
        {
            problems.Add($"the weight of {f} must be 0-100, not {f.Weight}");
        }

        foreach (var f in Features.GroupBy(f => (f.Plugin, f.Attribute, f.Value)).Where(g => g.Count() > 1))
        {
            problems.Add($"{f.First()} is listed {f.Count()} times");
        }

        return problems;
    }
}
