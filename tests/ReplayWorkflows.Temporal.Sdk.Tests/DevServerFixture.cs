using ReplayWorkflows.Temporal.Server;
using Temporalio.Client;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>An in-memory dev server and a connected client, shared by the tests of a class.</summary>
public class DevServerFixture : IAsyncLifetime
{
    private DevServer? server;

    /// <summary>The server's SQLite file, or null for the in-memory store.</summary>
    protected virtual string? DbFilename => null;

    public TemporalClient Client { get; private set; } = null!;

    public string Target => server!.Target;

    public async Task InitializeAsync()
    {
        server = await DevServer.StartAsync(new DevServerOptions { Port = 0, DbFilename = DbFilename });
        Client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(server.Target));
    }

    public virtual async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
