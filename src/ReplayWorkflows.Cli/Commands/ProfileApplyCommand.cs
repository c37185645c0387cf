using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Cli.Profiles;
using ReplayWorkflows.Core.Profiles;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay profile apply -f FILE</c>: validates a YAML or JSON profile against the built-in plugins and, when it is
/// valid, stores its original text under the profile's name (a changed file gets the next revision, an identical one
/// keeps it). Every problem is printed as <c>file:line:column: message</c>.
/// </summary>
internal static class ProfileApplyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions();
        var file = new Option<FileInfo>("--file", "-f") { Description = "Profile file (YAML or JSON)", Required = true, HelpName = "file" };
        var format = OutputFormat.Create();
        var command = new Command("apply", "Validate a profile file and save it in the data plane under its name") { file, format };
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUserException($"profile file {path.FullName} does not exist");
            }

            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false);
            var source = parse.GetResult(file)?.Tokens is { Count: > 0 } tokens ? tokens[0].Value : path.Name;
            var loaded = ProfileLoader.Load(text, source, PluginCatalogs.BuiltIn());
            if (!loaded.IsValid)
            {
                foreach (var problem in loaded.Problems)
                {
                    await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                }

                var count = loaded.Problems.Count;
                throw new CliUserException($"profile {source} is invalid: {count} problem{(count == 1 ? "" : "s")}; nothing was saved");
            }

            var profile = loaded.Profile!;
            var definition = StoredProfile.ToDefinitionJson(text, path.Name);
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var before = await plane.Profiles.GetAsync(profile.Name, cancellationToken).ConfigureAwait(false);
            var saved = await plane.Profiles.SaveAsync(profile.Name, definition, cancellationToken).ConfigureAwait(false);
            var state = before is null ? "created" : before.Revision == saved.Revision ? "unchanged" : "updated";
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new { saved.Name, saved.Revision, State = state }).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"Profile {saved.Name} {state} (revision {WorkflowFormat.Number(saved.Revision)}) in {plane.Description}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
