using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Conformance;

/// <summary>Runs one JavaScript scenario (official TS SDK) against a server and returns its JSON verdict line.</summary>
internal static class ScenarioRunner
{
    public static string ScenariosFolder => Path.Combine(RepoPaths.RepoRoot, "tests", "ReplayWorkflows.Conformance", "scenarios");

    public static async Task<ProcessResult> RunAsync(string target, string scenario, params string[] args)
    {
        await NodeTools.EnsureInstalledAsync();
        var env = new Dictionary<string, string>
        {
            ["NODE_PATH"] = NodeTools.NodeModules,
            ["TEMPORAL_ADDRESS"] = target,
        };
        return await ProcessRunner.RunAsync("node", [Path.Combine(ScenariosFolder, scenario + ".js"), .. args], RepoPaths.NodeTools,
            TimeSpan.FromMinutes(3), env);
    }

    /// <summary>Fails with the scenario's own report unless it printed ok:true and exited 0.</summary>
    public static void ShouldPass(this ProcessResult result, string scenario)
    {
        var verdict = result.StdOut.Split('\n').LastOrDefault(l => l.Contains("\"scenario\"", StringComparison.Ordinal)) ?? "(no verdict line)";
        result.ExitCode.ShouldBe(0, $"{scenario} failed: {verdict}\nstderr:\n{Tail(result.StdErr)}");
        verdict.ShouldContain("\"ok\":true", customMessage: $"{scenario}: {verdict}");
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
