using System.CommandLine;
using System.Globalization;
using ReplayWorkflows.Activities.Hosting;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay worker</c>: polls pipeline task queues (all of them by default) and runs their workflows and activities
/// until Ctrl+C or SIGTERM. Start as many as needed, on as many machines: Temporal shares the work among them.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var temporal = new TemporalOptions();
        var data = new DataOptions();
        var queues = new Option<string[]>("--task-queue", "-q")
        {
            Description = $"Task queue to poll (repeatable): {string.Join(", ", TaskQueues.All)}; none and no --plugin-class polls them all",
            HelpName = "name",
            AllowMultipleArgumentsPerToken = false,
        };
        var classes = new Option<PluginClass[]>("--plugin-class")
        {
            Description = "Poll the task queue of this plugin class (repeatable): Featurer, Classifier, Labeler or Optimizer",
            HelpName = "class",
        };
        var storage = new Option<string>("--storage")
        {
            Description = "Folder where clips, replays, exports and downloaded chunks are written",
            DefaultValueFactory = _ => new PipelineOptions().StorageRoot,
            HelpName = "dir",
        };
        var s3 = new Option<string?>("--s3-endpoint") { Description = "S3-protocol endpoint for s3:// sources (default: AWS)", HelpName = "url" };
        var identity = new Option<string?>("--identity") { Description = "Worker identity shown by Temporal (default replay-worker@HOST:PID)" };
        var command = new Command("worker", "Run pipeline workers for the given task queues until stopped (Ctrl+C)") { queues, classes, storage, s3, identity };
        temporal.AddTo(command);
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = Resolve(parse.GetValue(queues) ?? [], parse.GetValue(classes) ?? []);
            var level = GlobalOptions.ToLogLevel(parse.GetValue(GlobalOptions.LogLevel));
            using var loggers = CliLogging.Create(level);
            var client = await temporal.ConnectAsync(parse, cancellationToken).ConfigureAwait(false);
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var options = new PipelineOptions { StorageRoot = Path.GetFullPath(parse.GetValue(storage)!), S3ServiceUrl = parse.GetValue(s3) };
            var services = new PipelineServices(plane, client, options, loggers);
            var name = parse.GetValue(identity) ?? DefaultIdentity();
            await output.WriteLineAsync($"worker {name} polling {string.Join(", ", chosen)} on {parse.GetValue(temporal.Address)}").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await PipelineWorkers.RunAsync(services, chosen, cancellationToken, name).ConfigureAwait(false);
            return 0;
        });
        _ = error;
        return command;
    }

    public static string DefaultIdentity() =>
        string.Create(CultureInfo.InvariantCulture, $"replay-worker@{Environment.MachineName}:{Environment.ProcessId}");

    /// <summary>
    /// The queues to poll: the named ones plus those of the plugin classes, in <see cref="TaskQueues.All"/> order; all
    /// of them when neither is given. An unknown name throws <see cref="CliUserException"/> listing the valid ones.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyCollection<string> names, IReadOnlyCollection<PluginClass> classes)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(classes);
        if (names.Count == 0 && classes.Count == 0)
        {
            return TaskQueues.All;
        }

        var unknown = names.Where(n => !TaskQueues.All.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUserException($"unknown task queue {string.Join(", ", unknown.Select(u => $"'{u}'"))}: use one of {string.Join(", ", TaskQueues.All)}", 2);
        }

        var wanted = names.Concat(classes.Select(TaskQueues.ForPluginClass)).ToHashSet(StringComparer.Ordinal);
        return TaskQueues.All.Where(wanted.Contains).ToList();
    }
}
