using ReplayWorkflows.Temporal.Server;
using Temporalio.Client;

namespace ReplayWorkflows.Cli.Tests;

/// <summary>An in-memory dev server on a free port and a client of it, shared by the tests of a class.</summary>
public sealed class WorkflowServerFixture : IAsyncLifetime
{
    private DevServer? server;

    public TemporalClient Client { get; private set; } = null!;

    public string Target => server!.Target;

    public async Task InitializeAsync()
    {
        server = await DevServer.StartAsync(new DevServerOptions { Port = 0 });
        Client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
