using System.CommandLine;
using System.Reflection;
using ReplayWorkflows.Cli.Commands;

namespace ReplayWorkflows.Cli;

/// <summary>Builds the <c>replay</c> command tree and runs it with the project's error conventions.</summary>
internal static class ReplayCli
{
    public static string Version { get; } =
        typeof(ReplayCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "ReplayWorkflows: clips, highlight replays and exports from live and on-demand video, on Temporal.");
        root.Options.Add(GlobalOptions.LogLevel);

        // The built-in --version reads the entry assembly, which is not ours under a test host or a launcher.
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PrintVersionAction();
        }

        root.Subcommands.Add(ServerCommand.Create(output, error));
        root.Subcommands.Add(DemoCommand.Create(output, error));
        root.Subcommands.Add(WorkflowCommand.Create(output, error));
        root.Subcommands.Add(ProfileCommand.Create(output, error));
        root.Subcommands.Add(PluginCommand.Create(output, error));
        root.Subcommands.Add(WorkerCommand.Create(output, error));
        root.Subcommands.Add(EventCommand.Create(output, error));
        root.Subcommands.Add(ReplayCommand.Create(output, error));
        root.Subcommands.Add(ExportCommand.Create(output, error));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRootCommand(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One clear line instead of the full help text: what was wrong and where to look.
            var command = CommandPath(parse.CommandResult);
            var message = System.Text.RegularExpressions.Regex.Replace(parse.Errors[0].Message, @"\s+", " ").Trim();
            error.WriteLine($"error: {message} (see '{command} --help')");
            return 2;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return CliErrors.Report(ex, error, GlobalOptions.IsDebug(parse));
        }
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var path = "";
        for (var r = result; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path = " " + r.Command.Name + path;
        }

        return "replay" + path;
    }

    private sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return 0;
        }
    }
}
