namespace ReplayWorkflows.Testing;

/// <summary>A fresh SQLite file path for one test; disposing deletes the file and its WAL and shared-memory files.</summary>
public sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
