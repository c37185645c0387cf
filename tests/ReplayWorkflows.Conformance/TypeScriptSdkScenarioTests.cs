namespace ReplayWorkflows.Conformance;

/// <summary>The official TypeScript SDK (client and Rust-core worker) against our in-process server.</summary>
public sealed class TypeScriptSdkScenarioTests : IClassFixture<InProcessServerFixture>
{
    private readonly InProcessServerFixture server;

    public TypeScriptSdkScenarioTests(InProcessServerFixture server)
    {
        this.server = server;
    }

    [Theory]
    [InlineData("hello-activity")]
    [InlineData("activity-retries")]
    [InlineData("activity-timeouts")]
    [InlineData("timers-parallel")]
    [InlineData("signals-queries")]
    [InlineData("children-continue-as-new")]
    [InlineData("cancel-terminate")]
    [InlineData("id-policies-timeout")]
    [InlineData("visibility-describe")]
    [InlineData("local-activities-patches")]
    [InlineData("worker-replaced")]
    [InlineData("child-policies")]
    [InlineData("workflow-task-retry")]
    [InlineData("workflow-retry-cron")]
    public async Task Scenario_passes_with_the_official_typescript_sdk(string scenario)
    {
        var result = await ScenarioRunner.RunAsync(server.Target, scenario);
        result.ShouldPass(scenario);
    }
}
