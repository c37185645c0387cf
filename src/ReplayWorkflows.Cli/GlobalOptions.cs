using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string> LogLevel { get; } = new("--log-level")
    {
        Description = "Log level: debug, info, warn, error or never",
        DefaultValueFactory = _ => "info",
        Recursive = true,
        HelpName = "level",
    };

    static GlobalOptions()
    {
        LogLevel.AcceptOnlyFromAmong("debug", "info", "warn", "error", "never");
    }

    public static bool IsDebug(ParseResult parse) =>
        string.Equals(parse.GetValue(LogLevel), "debug", StringComparison.OrdinalIgnoreCase);

    public static LogLevel ToLogLevel(string? level) => level?.ToLowerInvariant() switch
    {
        "debug" => Microsoft.Extensions.Logging.LogLevel.Debug,
        "warn" => Microsoft.Extensions.Logging.LogLevel.Warning,
        "error" => Microsoft.Extensions.Logging.LogLevel.Error,
        "never" => Microsoft.Extensions.Logging.LogLevel.None,
        _ => Microsoft.Extensions.Logging.LogLevel.Information,
    };
}
