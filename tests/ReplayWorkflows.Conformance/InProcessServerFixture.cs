using ReplayWorkflows.Temporal.Server;

namespace ReplayWorkflows.Conformance;

/// <summary>One in-memory dev server on an ephemeral port, shared by the scenarios of a test class.</summary>
public sealed class InProcessServerFixture : IAsyncLifetime
{
    private DevServer? server;

    public string Target => server?.Target ?? throw new InvalidOperationException("server not started");

    public async Task InitializeAsync()
    {
        server = await DevServer.StartAsync(new DevServerOptions { Port = 0 });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
