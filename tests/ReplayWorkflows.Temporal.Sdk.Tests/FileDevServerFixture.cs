using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Temporal.Sdk.Tests;

/// <summary>The dev server on a SQLite file (WAL), as <c>replay demo</c> and <c>start-dev --db-filename</c> run it.</summary>
public sealed class FileDevServerFixture : DevServerFixture
{
    private readonly TempSqliteFile file = new("sdk-tests");

    protected override string? DbFilename => file.Path;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        file.Dispose();
    }
}
