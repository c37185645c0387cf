using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Cli;

/// <summary>Structured logs on stderr (stdout stays for results and <c>--output json</c>).</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(LogLevel level) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            })
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
}
