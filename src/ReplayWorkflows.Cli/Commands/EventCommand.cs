using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay event</c>: start, list, inspect and stop events.</summary>
internal static class EventCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("event", "Start, list, inspect and stop events (one live or on-demand video each)");
        command.Subcommands.Add(EventStartCommand.Create(output, error));
        command.Subcommands.Add(EventListCommand.Create(output, error));
        command.Subcommands.Add(EventShowCommand.Create(output, error));
        command.Subcommands.Add(EventStopCommand.Create(output, error));
        return command;
    }
}
