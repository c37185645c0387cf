using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay replay</c>: highlight replays of an event.</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("replay", "Create and inspect highlight replays of an event");
        command.Subcommands.Add(ReplayCreateCommand.Create(output, error));
        command.Subcommands.Add(ReplayShowCommand.Create(output, error));
        return command;
    }
}
