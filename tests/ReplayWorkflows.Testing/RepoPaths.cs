namespace ReplayWorkflows.Testing;

/// <summary>Locations inside the repository, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds ReplayWorkflows.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>tests/node: the pinned npm tools (Temporal TS SDK, s3rver, hls-parser, smpte-timecode).</summary>
    public static string NodeTools => Path.Combine(RepoRoot, "tests", "node");

    /// <summary>A cache for generated media and other slow fixtures, kept between test runs and ignored by git.</summary>
    public static string Cache => Directory.CreateDirectory(Path.Combine(RepoRoot, ".cache")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReplayWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ReplayWorkflows.sln not found above {AppContext.BaseDirectory}");
    }
}
