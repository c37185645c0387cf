using Microsoft.Data.Sqlite;

namespace ReplayWorkflows.Temporal.Server.Persistence;

/// <summary>The prepared statements of a commit, kept for the life of the connection.</summary>
internal sealed class CommitCommands : IDisposable
{
    private readonly SqliteCommand insertEvent;
    private readonly SqliteCommand upsertRun;

    public CommitCommands(SqliteConnection connection)
    {
        insertEvent = connection.CreateCommand();
        insertEvent.CommandText = "INSERT INTO events (namespace, run_id, event_id, data) VALUES ($ns, $run, $id, $data)";
        insertEvent.Parameters.Add("$ns", SqliteType.Text);
        insertEvent.Parameters.Add("$run", SqliteType.Text);
        insertEvent.Parameters.Add("$id", SqliteType.Integer);
        insertEvent.Parameters.Add("$data", SqliteType.Blob);
        upsertRun = connection.CreateCommand();
        upsertRun.CommandText = """
            INSERT INTO runs (namespace, run_id, workflow_id, request_id, seq, buffered, transient)
            VALUES ($ns, $run, $wf, $req, $seq, $buffered, $transient)
            ON CONFLICT(namespace, run_id) DO UPDATE SET buffered = excluded.buffered, transient = excluded.transient
            """;
        upsertRun.Parameters.Add("$ns", SqliteType.Text);
        upsertRun.Parameters.Add("$run", SqliteType.Text);
        upsertRun.Parameters.Add("$wf", SqliteType.Text);
        upsertRun.Parameters.Add("$req", SqliteType.Text);
        upsertRun.Parameters.Add("$seq", SqliteType.Integer);
        upsertRun.Parameters.Add("$buffered", SqliteType.Blob);
        upsertRun.Parameters.Add("$transient", SqliteType.Text);
    }

    public void Bind(SqliteTransaction transaction)
    {
        insertEvent.Transaction = transaction;
        upsertRun.Transaction = transaction;
    }

    public void InsertEvent(string ns, string runId, long eventId, byte[] data)
    {
        insertEvent.Parameters[0].Value = ns;
        insertEvent.Parameters[1].Value = runId;
        insertEvent.Parameters[2].Value = eventId;
        insertEvent.Parameters[3].Value = data;
        insertEvent.ExecuteNonQuery();
    }

    public void UpsertRun(string ns, string runId, string workflowId, string requestId, long seq, byte[]? buffered, string transient)
    {
        upsertRun.Parameters[0].Value = ns;
        upsertRun.Parameters[1].Value = runId;
        upsertRun.Parameters[2].Value = workflowId;
        upsertRun.Parameters[3].Value = requestId;
        upsertRun.Parameters[4].Value = seq;
        upsertRun.Parameters[5].Value = buffered is null ? DBNull.Value : buffered;
        upsertRun.Parameters[6].Value = transient;
        upsertRun.ExecuteNonQuery();
    }

    public void Dispose()
    {
        insertEvent.Dispose();
        upsertRun.Dispose();
    }
}
