using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Data.Sql;

/// <summary>The data plane's structured log messages (event ids 5100-5199 belong to the data plane).</summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Data plane opened on {Store} at schema version {Version}")]
    public static partial void Opened(ILogger logger, string store, int version);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Applied migration {Version} ({Name}) to {Store}")]
    public static partial void MigrationApplied(ILogger logger, int version, string name, string store);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "{Store} did not switch to WAL journal mode (it reports {Mode}); concurrent readers will block writers")]
    public static partial void NoWal(ILogger logger, string store, string mode);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "{Operation} failed on {Store}: {Message}")]
    public static partial void OperationFailed(ILogger logger, string operation, string store, string message);
}
