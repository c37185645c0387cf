using System.CommandLine;
using ReplayWorkflows.Temporal.Server;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay server start-dev</c>: flags and defaults as <c>temporal server start-dev</c>.</summary>
internal static class ServerStartDevCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port for the frontend gRPC Service.",
            DefaultValueFactory = _ => 7233,
            HelpName = "int",
        };
        var ip = new Option<string>("--ip")
        {
            Description = "IP address bound to the frontend Service.",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "string",
        };
        var dbFilename = new Option<string?>("--db-filename", "-f")
        {
            Description = "Path to file for persistent Temporal state store. By default, Workflow Executions are lost when the server process dies.",
            HelpName = "string",
        };
        var namespaces = new Option<string[]>("--namespace", "-n")
        {
            Description = "Namespaces to be created at launch. The \"default\" Namespace is always created automatically.",
            HelpName = "strings",
            AllowMultipleArgumentsPerToken = false,
        };
        var uiPort = new Option<int?>("--ui-port")
        {
            Description = "Port for the Web UI. Accepted for compatibility; this server has no Web UI.",
            HelpName = "int",
        };
        var headless = new Option<bool>("--headless")
        {
            Description = "Disable the Web UI. Always the case for this server.",
        };
        var command = new Command("start-dev", """
            Start a development version of Temporal Server:

              replay server start-dev

            Change the frontend port and keep the state in a file across restarts:

              replay server start-dev --port 7234 --db-filename path/to/my.db

            Create extra namespaces at launch:

              replay server start-dev --namespace foo --namespace bar
            """);
        command.Options.Add(port);
        command.Options.Add(ip);
        command.Options.Add(dbFilename);
        command.Options.Add(namespaces);
        command.Options.Add(uiPort);
        command.Options.Add(headless);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DevServerOptions
            {
                Port = parse.GetValue(port),
                Ip = parse.GetValue(ip) ?? "127.0.0.1",
                DbFilename = parse.GetValue(dbFilename),
                LogLevel = GlobalOptions.ToLogLevel(parse.GetValue(GlobalOptions.LogLevel)),
            };
            foreach (var ns in parse.GetValue(namespaces) ?? [])
            {
                options.Namespaces.Add(ns);
            }

            if (options.Port is < 0 or > 65535)
            {
                throw new CliUserException($"--port {options.Port} is not a valid port (0-65535)", 2);
            }

            DevServer server;
            try
            {
                server = await DevServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new CliUserException($"cannot listen on {options.Ip}:{options.Port}: {ex.Message}");
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                throw new CliUserException($"cannot open database {options.DbFilename}: {ex.Message} (is another server using it?)");
            }

            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"CLI replay {ReplayCli.Version} (Server {DevServer.ServerVersion}-compatible)").ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync($"Server:  {server.Target}").ConfigureAwait(false);
                await output.WriteLineAsync($"Store:   {options.DbFilename ?? "in memory (lost on exit)"}").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                string? reason;
                try
                {
                    reason = await server.Stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }

                if (reason is not null)
                {
                    await error.WriteLineAsync($"error: server stopped: {reason}").ConfigureAwait(false);
                    return 1;
                }
            }

            return 0;
        });
        return command;
    }
}
