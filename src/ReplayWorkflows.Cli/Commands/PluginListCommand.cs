using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay plugin list</c>: every built-in plugin version, optionally of one class.</summary>
internal static class PluginListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var pluginClass = new Option<PluginClass?>("--class")
        {
            Description = "Only plugins of this class: Featurer, Classifier, Labeler or Optimizer",
            HelpName = "class",
        };
        var format = OutputFormat.Create();
        var command = new Command("list", "List the built-in plugins: name, version, class, media type and description") { pluginClass, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var only = parse.GetValue(pluginClass);
            var plugins = PluginCatalogs.BuiltIn().All
                .Where(p => only is null || p.Class == only)
                .OrderBy(p => p.Class).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version)
                .ToList();
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, plugins.Select(p => new { p.Name, p.Version, p.Class, p.MediaType, p.Description }).ToList())
                    .ConfigureAwait(false);
                return 0;
            }

            var table = new TextTable("NAME", "VERSION", "CLASS", "MEDIA", "DESCRIPTION");
            foreach (var p in plugins)
            {
                table.Add(p.Name, WorkflowFormat.Number(p.Version), p.Class.ToString(), p.MediaType.ToString(), p.Description);
            }

            table.WriteTo(output);
            return 0;
        });
        _ = error;
        return command;
    }
}
