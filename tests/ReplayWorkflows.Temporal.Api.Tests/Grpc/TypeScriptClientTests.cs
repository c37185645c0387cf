using System.Text.Json;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Temporal.Api.Tests.Grpc;

/// <summary>The official Temporal TypeScript client (the conformance oracle) against our gRPC transport.</summary>
public sealed class TypeScriptClientTests(WorkflowServiceFixture fixture) : IClassFixture<WorkflowServiceFixture>
{
    [Fact]
    public async Task The_official_TypeScript_client_calls_GetSystemInfo_and_reads_typed_errors()
    {
        await NodeTools.EnsureInstalledAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "node", "ts-client-calls.js");
        var address = $"{fixture.Address.Host}:{fixture.Address.Port}";

        var result = await ProcessRunner.RunAsync("node", [script, address], RepoPaths.NodeTools,
            TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["NODE_PATH"] = NodeTools.NodeModules });

        result.ExitCode.ShouldBe(0, result.StdErr);
        using var seen = JsonDocument.Parse(result.StdOut.Trim().Split('\n')[^1]);
        seen.RootElement.GetProperty("serverVersion").GetString().ShouldBe("test-1.0");
        seen.RootElement.GetProperty("signalAndQueryHeader").GetBoolean().ShouldBeTrue();
        var notFound = seen.RootElement.GetProperty("notFound");
        notFound.GetProperty("code").GetInt32().ShouldBe(5);
        notFound.GetProperty("details").GetString().ShouldBe("Namespace no-such-namespace is not found.");
    }
}
