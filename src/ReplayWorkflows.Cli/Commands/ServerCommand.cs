using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay server</c>: the Temporal-compatible development server.</summary>
internal static class ServerCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new Command("server", "Run a Temporal-compatible server");
        server.Subcommands.Add(ServerStartDevCommand.Create(output, error));
        return server;
    }
}
