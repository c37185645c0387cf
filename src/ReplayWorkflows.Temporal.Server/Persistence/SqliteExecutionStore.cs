using System.Text.Json;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using ReplayWorkflows.Temporal.Server.History;
using ReplayWorkflows.Temporal.Server.Namespaces;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>
/// The SQLite file behind <c>--db-filename</c>: one connection in WAL mode, one transaction per engine operation
/// (new history events, buffered events and transient state of every run it changed).
/// </summary>
internal sealed class SqliteExecutionStore : IExecutionStore
{
    private readonly object gate = new();
    private readonly SqliteConnection connection;
    private long sequence;
    private CommitCommands? commands;

    public SqliteExecutionStore(string path, long? maxPageCount = null)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        connection.Open();
        // One server per file: the exclusive lock (taken by the first write below) makes a second one fail fast.
        Execute("""
            PRAGMA busy_timeout = 1000;
            PRAGMA locking_mode = EXCLUSIVE;
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS runs (
                namespace TEXT NOT NULL,
                run_id TEXT NOT NULL,
                workflow_id TEXT NOT NULL,
                request_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                buffered BLOB,
                transient TEXT NOT NULL,
                PRIMARY KEY (namespace, run_id));
            CREATE TABLE IF NOT EXISTS events (
                namespace TEXT NOT NULL,
                run_id TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (namespace, run_id, event_id));
            CREATE TABLE IF NOT EXISTS namespaces (
                name TEXT NOT NULL PRIMARY KEY,
                data TEXT NOT NULL);
            BEGIN IMMEDIATE;
            COMMIT;
            """);
        if (maxPageCount is { } pages)
        {
            Execute($"PRAGMA max_page_count = {pages.ToString(System.Globalization.CultureInfo.InvariantCulture)};");
        }

        using var max = connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM runs";
        sequence = (long)max.ExecuteScalar()!;
    }

    public IReadOnlyList<StoredRun> LoadRuns()
    {
        lock (gate)
        {
            var events = new Dictionary<(string, string), List<HistoryEvent>>();
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT namespace, run_id, data FROM events ORDER BY namespace, run_id, event_id";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    var key = (reader.GetString(0), reader.GetString(1));
                    if (!events.TryGetValue(key, out var list))
                    {
                        list = [];
                        events[key] = list;
                    }

                    list.Add(HistoryEvent.Parser.ParseFrom((byte[])reader[2]));
                }
            }

            var result = new List<StoredRun>();
            using var runs = connection.CreateCommand();
            runs.CommandText = "SELECT namespace, run_id, workflow_id, request_id, buffered, transient FROM runs ORDER BY seq";
            using var runReader = runs.ExecuteReader();
            while (runReader.Read())
            {
                var ns = runReader.GetString(0);
                var runId = runReader.GetString(1);
                var buffered = runReader.IsDBNull(4)
                    ? []
                    : Temporalio.Api.History.V1.History.Parser.ParseFrom((byte[])runReader[4]).Events.ToList();
                result.Add(new StoredRun(ns, runReader.GetString(2), runId, runReader.GetString(3),
                    events.GetValueOrDefault((ns, runId)) ?? [], buffered, runReader.GetString(5)));
            }

            return result;
        }
    }

    public IReadOnlyList<NamespaceRecord> LoadNamespaces()
    {
        lock (gate)
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT data FROM namespaces";
            using var reader = read.ExecuteReader();
            var result = new List<NamespaceRecord>();
            while (reader.Read())
            {
                var stored = JsonSerializer.Deserialize<StoredNamespace>(reader.GetString(0))!;
                result.Add(new NamespaceRecord(stored.Name, stored.Id, stored.Description, stored.OwnerEmail,
                    TimeSpan.FromMilliseconds(stored.RetentionMs), stored.Data,
                    stored.SearchAttributes.ToDictionary(p => p.Key, p => (IndexedValueType)p.Value, StringComparer.Ordinal)));
            }

            return result;
        }
    }

    public void SaveNamespace(NamespaceRecord record)
    {
        var stored = new StoredNamespace(record.Name, record.Id, record.Description, record.OwnerEmail,
            (long)record.Retention.TotalMilliseconds, record.Data.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            record.CustomSearchAttributes.ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal));
        lock (gate)
        {
            using var write = connection.CreateCommand();
            write.CommandText = "INSERT INTO namespaces (name, data) VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = excluded.data";
            write.Parameters.AddWithValue("$name", record.Name);
            write.Parameters.AddWithValue("$data", JsonSerializer.Serialize(stored));
            write.ExecuteNonQuery();
        }
    }

    public void Commit(IReadOnlyCollection<MutableState> changed)
    {
        lock (gate)
        {
            // Statements are prepared once and reused: preparing them per commit cost more than the writes.
            commands ??= new CommitCommands(connection);
            using var transaction = connection.BeginTransaction();
            commands.Bind(transaction);
            foreach (var state in changed)
            {
                for (var i = state.PersistedEventCount; i < state.Events.Count; i++)
                {
                    commands.InsertEvent(state.Key.Namespace, state.Key.RunId, state.Events[i].EventId, state.Events[i].ToByteArray());
                }

                byte[]? buffered = null;
                if (state.Buffered.Count > 0)
                {
                    var history = new Temporalio.Api.History.V1.History();
                    history.Events.AddRange(state.Buffered);
                    buffered = history.ToByteArray();
                }

                commands.UpsertRun(state.Key.Namespace, state.Key.RunId, state.Key.WorkflowId, state.RequestId, ++sequence,
                    buffered, TransientStateCodec.Encode(state));
            }

            transaction.Commit();
            foreach (var state in changed)
            {
                state.PersistedEventCount = state.Events.Count;
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            commands?.Dispose();
            connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record StoredNamespace(
        string Name,
        string Id,
        string Description,
        string OwnerEmail,
        long RetentionMs,
        Dictionary<string, string> Data,
        Dictionary<string, int> SearchAttributes);
}
