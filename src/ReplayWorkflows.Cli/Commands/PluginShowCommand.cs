using System.CommandLine;
using System.Globalization;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay plugin show NAME</c>: one plugin's descriptor: class, version, media type and features, execution,
/// dependencies, outputs and configuration schema with defaults. <c>--output json</c> prints the descriptor.
/// </summary>
internal static class PluginShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "Plugin name, for example Loudness" };
        var version = new Option<int?>("--version") { Description = "Plugin version (default: the latest)", HelpName = "n" };
        var format = OutputFormat.Create();
        var command = new Command("show", "Show a plugin's descriptor and configuration schema") { name, version, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = PluginCatalogs.BuiltIn();
            var pluginName = parse.GetValue(name)!;
            var wanted = parse.GetValue(version);
            var plugin = catalog.Find(pluginName, wanted);
            if (plugin is null)
            {
                var versions = catalog.VersionsOf(pluginName);
                throw versions.Count > 0
                    ? new CliUserException($"plugin {pluginName} has no version {wanted}; it has {string.Join(", ", versions)}")
                    : new CliUserException($"unknown plugin {pluginName}; the built-in plugins are {string.Join(", ", catalog.All.Select(p => p.Name).Distinct())}");
            }

            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, plugin).ConfigureAwait(false);
                return 0;
            }

            await WriteTextAsync(output, plugin, catalog.VersionsOf(plugin.Name)).ConfigureAwait(false);
            return 0;
        });
        _ = error;
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, PluginDescriptor p, IReadOnlyList<int> versions)
    {
        static string List<T>(IEnumerable<T> items) => items.Any() ? string.Join(", ", items) : "-";

        var execution = p.Execution.Kind == PluginExecutionKind.InProcess
            ? $"in process, task queue {p.Execution.TaskQueue}"
            : $"activity {p.Execution.ActivityType} on task queue {p.Execution.TaskQueue}";
        var fields = new (string Name, string Value)[]
        {
            ("Name", p.Name),
            ("Version", $"{WorkflowFormat.Number(p.Version)} (versions: {List(versions)})"),
            ("Class", p.Class.ToString()),
            ("MediaType", p.MediaType.ToString()),
            ("MediaFeatures", List(p.MediaFeatures)),
            ("Dependencies", List(p.Dependencies)),
            ("Execution", execution),
            ("CarriesState", p.CarriesState ? "yes" : "no"),
        };
        var width = fields.Max(f => f.Name.Length);
        await output.WriteLineAsync($"{p.Name} v{WorkflowFormat.Number(p.Version)}: {p.Description}").ConfigureAwait(false);
        foreach (var (fieldName, value) in fields)
        {
            await output.WriteLineAsync($"  {fieldName.PadRight(width)}  {value}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Outputs: {p.OutputAttributes.Count}").ConfigureAwait(false);
        if (p.OutputAttributes.Count > 0)
        {
            var outputs = new TextTable("NAME", "KIND", "DESCRIPTION");
            foreach (var o in p.OutputAttributes)
            {
                outputs.Add(o.Name, o.IsFeature ? "feature" : "value", o.Description);
            }

            outputs.WriteTo(output);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Configuration: {p.Configuration.Count}").ConfigureAwait(false);
        if (p.Configuration.Count > 0)
        {
            var schema = new TextTable("NAME", "TYPE", "DEFAULT", "REQUIRED", "ALLOWED", "DESCRIPTION");
            foreach (var c in p.Configuration)
            {
                schema.Add(c.Name, c.Type.ToString(), c.Default ?? "-", c.Required ? "yes" : "no", Allowed(c), c.Description);
            }

            schema.WriteTo(output);
        }
    }

    private static string Allowed(ConfigParameter c)
    {
        if (c.AllowedValues is { Count: > 0 } values)
        {
            return string.Join("|", values);
        }

        return (c.Minimum, c.Maximum) switch
        {
            (null, null) => "-",
            ({ } min, null) => $">= {min.ToString(CultureInfo.InvariantCulture)}",
            (null, { } max) => $"<= {max.ToString(CultureInfo.InvariantCulture)}",
            ({ } min, { } max) => $"{min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}",
        };
    }
}
