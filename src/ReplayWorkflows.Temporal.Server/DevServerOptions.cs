using Microsoft.Extensions.Logging;

namespace ReplayWorkflows.Temporal.Server;

/// <summary>How to run the dev server; the flags of <c>replay server start-dev</c>.</summary>
public sealed class DevServerOptions
{
    /// <summary>Interface to bind; 127.0.0.1 by default.</summary>
    public string Ip { get; set; } = "127.0.0.1";

    /// <summary>Frontend port; 0 picks a free one (embedded use).</summary>
    public int Port { get; set; } = 7233;

    /// <summary>SQLite file to persist to; null keeps everything in memory.</summary>
    public string? DbFilename { get; set; }

    /// <summary>Namespaces to register on start, besides <c>default</c>.</summary>
    public IList<string> Namespaces { get; } = [];

    public LogLevel LogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Largest payload set (input, result, signal) a request may carry.</summary>
    public int MaxPayloadBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How long task-queue polls wait before answering empty.</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Caps the database file at this many SQLite pages (tests: a full disk on demand; SQLite then fails writes with
    /// the same "database or disk is full" error a full disk gives). Null: no cap.
    /// </summary>
    internal long? DbMaxPageCount { get; set; }

    /// <summary>Where log lines go; the console when null.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }
}
