using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay plugin</c>: the plugins profiles can use, with their configuration schemas.</summary>
internal static class PluginCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var plugin = new Command("plugin", "List the built-in plugins and show their descriptors and configuration schemas");
        plugin.Subcommands.Add(PluginListCommand.Create(output, error));
        plugin.Subcommands.Add(PluginShowCommand.Create(output, error));
        return plugin;
    }
}
