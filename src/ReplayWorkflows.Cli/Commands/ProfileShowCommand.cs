using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Cli.Profiles;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// <c>replay profile show NAME</c>: the stored profile's original text (as applied), or with <c>--output json</c> its
/// name, revision, format, source name and text.
/// </summary>
internal static class ProfileShowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions();
        var name = new Argument<string>("name") { Description = "Profile name" };
        var format = OutputFormat.Create();
        var command = new Command("show", "Print a stored profile's source text") { name, format };
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var profileName = parse.GetValue(name)!;
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var record = await plane.Profiles.GetAsync(profileName, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUserException($"profile {profileName} not found in {plane.Description} (see 'replay profile list')");
            var (text, source) = StoredProfile.FromDefinitionJson(record.DefinitionJson);
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, new
                {
                    record.Name,
                    record.Revision,
                    Format = StoredProfile.FormatOf(text, source),
                    SourceName = source,
                    Source = text,
                    UpdatedAt = WorkflowFormat.Time(DateTime.UnixEpoch.AddMilliseconds(record.UpdatedUnixMs)),
                }).ConfigureAwait(false);
                return 0;
            }

            await output.WriteAsync(text).ConfigureAwait(false);
            if (!text.EndsWith('\n'))
            {
                await output.WriteLineAsync().ConfigureAwait(false);
            }

            return 0;
        });
        _ = error;
        return command;
    }
}
