using System.CommandLine;
using Temporalio.Client;

namespace ReplayWorkflows.Cli.Options;

/// <summary>
/// Where a command finds Temporal: the same flags as Temporal's CLI (<c>--address</c>, <c>--namespace</c>,
/// <c>--api-key</c>), so scripts written for <c>temporal workflow ...</c> read the same against any compatible server.
/// </summary>
internal sealed class TemporalOptions
{
    public Option<string> Address { get; } = new("--address")
    {
        Description = "Temporal frontend host:port",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS") ?? "127.0.0.1:7233",
        HelpName = "host:port",
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Temporal namespace",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TEMPORAL_NAMESPACE") ?? "default",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key sent as a bearer token (also read from TEMPORAL_API_KEY)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Address);
        command.Options.Add(Namespace);
        command.Options.Add(ApiKey);
    }

    /// <summary>Connects, turning an unreachable server into one clear line.</summary>
    public async Task<ITemporalClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var address = parse.GetValue(Address)!;
        var options = new TemporalClientConnectOptions(address)
        {
            Namespace = parse.GetValue(Namespace)!,
            ApiKey = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("TEMPORAL_API_KEY"),
        };
        try
        {
            var client = await TemporalClient.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (Exception ex) when (ex is Temporalio.Exceptions.RpcException or HttpRequestException or IOException)
        {
            throw new CliUserException($"cannot reach Temporal at {address}: {ex.Message} (start one with 'replay server start-dev' or pass --address)");
        }
    }
}
