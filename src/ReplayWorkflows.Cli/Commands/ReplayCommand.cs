using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay replays</c>: highlight replays of an event.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("replays", "Create and inspect highlight replays of an event");
        command.Subcommands.Add(ReplayCreateCommand.Create(output, error));
        command.Subcommands.Add(ReplayShowCommand.Create(output, error));
        return command;
    }
}
