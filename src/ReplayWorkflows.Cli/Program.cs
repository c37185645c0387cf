using ReplayWorkflows.Cli;

return await ReplayCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
