using System.CommandLine;

namespace ReplayWorkflows.Cli.Commands;

/// <summary><c>replay profile</c>: validate profiles and keep them in the data plane.</summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profile = new Command("profile", "Validate profiles (how events are chunked and analysed) and store them in the data plane");
        profile.Subcommands.Add(ProfileApplyCommand.Create(output, error));
        profile.Subcommands.Add(ProfileListCommand.Create(output, error));
        profile.Subcommands.Add(ProfileShowCommand.Create(output, error));
        return profile;
    }
}
