using ReplayWorkflows.Media.Generation;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.EndToEnd.Support;

/// <summary>Generated matches shared with the other suites' cache (encoded once per machine).</summary>
public static class Matches
{
    public static Task<GeneratedMatch> EnsureAsync(int seconds, int seed = 7) =>
        new MatchGenerator().EnsureAsync(new MatchSpec(seed, seconds, MatchVariant.Hd720p25, 10), Path.Combine(RepoPaths.Cache, "media"));
}
