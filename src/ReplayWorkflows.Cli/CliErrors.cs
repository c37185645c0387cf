namespace ReplayWorkflows.Cli;

/// <summary>An error the user can act on: printed as one line, no stack trace.</summary>
internal sealed class CliUserException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Turns exceptions into the CLI's one-line error convention.</summary>
internal static class CliErrors
{
    public const int Unexpected = 70; // EX_SOFTWARE

    public static int Report(Exception ex, TextWriter error, bool debug)
    {
        if (ex is OperationCanceledException)
        {
            error.WriteLine("error: cancelled");
            return 130;
        }

        if (ex is CliUserException user)
        {
            error.WriteLine($"error: {user.Message}");
            if (debug)
            {
                error.WriteLine(user.ToString());
            }

            return user.ExitCode;
        }

        error.WriteLine($"error: {ex.GetType().Name}: {OneLine(ex.Message)} (rerun with --log-level debug for details)");
        if (debug)
        {
            error.WriteLine(ex.ToString());
        }

        return Unexpected;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
