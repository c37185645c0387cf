namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>The dev server on a SQLite file (WAL), as <c>replay demo</c> and <c>start-dev --db-filename</c> run it.</summary>
public sealed class FileDevServerFixture : DevServerFixture
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"sdk-tests-{Guid.NewGuid():N}.db");

    protected override string? DbFilename => path;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
