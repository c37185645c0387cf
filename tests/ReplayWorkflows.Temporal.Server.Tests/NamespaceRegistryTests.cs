using ReplayWorkflows.Temporal.Api.Grpc;
using ReplayWorkflows.Temporal.Server.Namespaces;
using ReplayWorkflows.Temporal.Server.Persistence;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class NamespaceRegistryTests
{
    [Fact]
    public void Unknown_namespace_is_not_found_with_the_temporal_failure_detail()
    {
        var registry = new NamespaceRegistry(new InMemoryExecutionStore());
        registry.Ensure(NamespaceRegistry.DefaultNamespace);
        var error = Should.Throw<GrpcException>(() => registry.Get("nope"));
        error.StatusCode.ShouldBe(GrpcStatusCode.NotFound);
        error.Details.Single().TypeUrl.ShouldEndWith("NamespaceNotFoundFailure");
    }

    [Fact]
    public void Registering_twice_is_already_exists()
    {
        var registry = new NamespaceRegistry(new InMemoryExecutionStore());
        registry.Register("a", "", "", TimeSpan.FromDays(1), new Dictionary<string, string>());
        Should.Throw<GrpcException>(() => registry.Register("a", "", "", TimeSpan.FromDays(1), new Dictionary<string, string>()))
            .StatusCode.ShouldBe(GrpcStatusCode.AlreadyExists);
    }
}
