using System.CommandLine;
using ReplayWorkflows.Cli.Options;
using ReplayWorkflows.Cli.Profiles;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay profile list</c>: the profiles in the data plane, by name.</summary>
internal static class ProfileListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new DataOptions();
        var format = OutputFormat.Create();
        var command = new Command("list", "List the profiles stored in the data plane: name, revision, format and last update") { format };
        data.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plane = await data.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            await using var planeScope = plane.ConfigureAwait(false);
            var records = await plane.Profiles.ListAsync(cancellationToken).ConfigureAwait(false);
            var rows = records.Select(Row.Of).ToList();
            if (OutputFormat.IsJson(parse, format))
            {
                await OutputFormat.WriteJsonAsync(output, rows).ConfigureAwait(false);
                return 0;
            }

            var table = new TextTable("NAME", "REVISION", "FORMAT", "UPDATED");
            foreach (var row in rows)
            {
                table.Add(row.Name, WorkflowFormat.Number(row.Revision), row.Format, row.UpdatedAt);
            }

            table.WriteTo(output);
            return 0;
        });
        _ = error;
        return command;
    }

    private sealed record Row(string Name, int Revision, string Format, string UpdatedAt)
    {
        public static Row Of(ProfileRecord record)
        {
            string format;
            try
            {
                var (text, source) = StoredProfile.FromDefinitionJson(record.DefinitionJson);
                format = StoredProfile.FormatOf(text, source);
            }
            catch (CliUserException)
            {
                format = "unknown";
            }

            return new(record.Name, record.Revision, format, WorkflowFormat.Time(DateTime.UnixEpoch.AddMilliseconds(record.UpdatedUnixMs)));
        }
    }
}
