using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Core.Tests.Exports;

/// <summary>
/// Compares output with a committed golden file under tests/ReplayWorkflows.Core.Tests/Golden. A mismatch fails;
/// set UPDATE_GOLDEN=1 to rewrite the files after an intended change (and review the diff).
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.RepoRoot, "tests", "ReplayWorkflows.Core.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"golden file {path} is missing; run with UPDATE_GOLDEN=1 to create it");
        actual.ShouldBe(File.ReadAllText(path), $"output differs from {path}");
    }
}
