namespace ReplayWorkflows.Bench;

/// <summary>Where the repository is, found from the benchmark's folder (falls back to the working directory).</summary>
internal static class BenchPaths
{
    public static string RepoRoot { get; } = Find();

    /// <summary>tests/node/node_modules: the pinned Temporal TypeScript SDK the comparison runs.</summary>
    public static string NodeModules => Path.Combine(RepoRoot, "tests", "node", "node_modules");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReplayWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
