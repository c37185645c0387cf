using Microsoft.Data.Sqlite;
using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

/// <summary>What only a file-based store has: persistence across reopen, a lock another process can hold, a bad path.</summary>
[Collection(DataPlaneCollection.Name)]
public sealed class SqliteFileTests(DataPlaneFixture fixture)
{
    [Fact]
    public async Task Data_survives_closing_and_reopening_the_file()
    {
        var options = fixture.NewStore(DataProvider.Sqlite);
        await using (var plane = await DataPlaneFactory.OpenAsync(options))
        {
            await plane.Events.CreateAsync(new EventRecord("evt-1", "P", "E", "profile", 1, EventStatus.InProgress, null, null, 40_000, "{}"));
            await plane.PluginResults.UpsertAsync([new PluginResultRecord("evt-1", "Scene", 0, 100, 100, 1, """{"score":0.9}""")]);
            await plane.Segments.UpsertAsync(new SegmentRecord("evt-1", "Seg", 12_400, 27_000, 1, 2));
        }

        await using var reopened = await DataPlaneFactory.OpenAsync(options);

        (await reopened.Events.GetAsync("evt-1"))!.MediaEndMs.ShouldBe(40_000);
        (await reopened.PluginResults.QueryAsync(new PluginResultQuery("evt-1"))).ShouldHaveSingleItem().PayloadJson.ShouldBe("""{"score":0.9}""");
        (await reopened.Segments.GetAsync("evt-1", "Seg", 12_400))!.EndMs.ShouldBe(27_000);
    }

    [Fact]
    public async Task A_writer_waits_for_another_writers_lock_instead_of_failing()
    {
        var options = fixture.NewStore(DataProvider.Sqlite);
        await using var plane = await DataPlaneFactory.OpenAsync(options);
        await plane.Events.CreateAsync(new EventRecord("evt-1", "P", "E", "profile", 1, EventStatus.Queued, null, null, null, "{}"));
        await using var other = await HoldWriteLockAsync(options.SqlitePath);

        var pending = plane.Events.SetStatusAsync("evt-1", EventStatus.InProgress);
        pending.IsCompleted.ShouldBeFalse(); // it cannot finish while the lock is held, and the call did not block us
        await using (var release = other.CreateCommand())
        {
            release.CommandText = "COMMIT";
            await release.ExecuteNonQueryAsync();
        }

        (await pending).ShouldBeTrue();
        (await plane.Events.GetAsync("evt-1"))!.Status.ShouldBe(EventStatus.InProgress);
    }

    [Fact]
    public async Task A_file_locked_past_the_busy_timeout_fails_with_one_clear_message_and_recovers()
    {
        var options = fixture.NewStore(DataProvider.Sqlite);
        options.BusyTimeout = TimeSpan.FromSeconds(1);
        await using var plane = await DataPlaneFactory.OpenAsync(options);
        await plane.Events.CreateAsync(new EventRecord("evt-1", "P", "E", "profile", 1, EventStatus.Queued, null, null, null, "{}"));

        await using (await HoldWriteLockAsync(options.SqlitePath))
        {
            var error = await Should.ThrowAsync<DataPlaneException>(() => plane.Events.SetStatusAsync("evt-1", EventStatus.InProgress));

            error.Message.ShouldStartWith($"SQLite file {Path.GetFullPath(options.SqlitePath)} is locked");
            error.Message.ShouldContain("Data:BusyTimeout");
            error.IsTransient.ShouldBeTrue();
        }

        (await plane.Events.SetStatusAsync("evt-1", EventStatus.InProgress)).ShouldBeTrue();
    }

    /// <summary>Another process holding the write lock: a raw connection outside our pool inside an open write transaction.</summary>
    private static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={Path.GetFullPath(path)};Pooling=False");
        await connection.OpenAsync();
        await using var hold = connection.CreateCommand();
        hold.CommandText = "BEGIN EXCLUSIVE";
        await hold.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact]
    public async Task A_path_under_a_regular_file_fails_with_one_clear_message()
    {
        var blocker = Path.Combine(fixture.TempRoot, $"{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var path = Path.Combine(blocker, "replay.db");

        var error = await Should.ThrowAsync<DataPlaneException>(() =>
            DataPlaneFactory.OpenAsync(new DataPlaneOptions { Provider = DataProvider.Sqlite, SqlitePath = path }));

        error.Message.ShouldStartWith($"SQLite file {path} cannot be created");
        error.Message.ShouldContain("Data:SqlitePath");
    }

    [Fact]
    public async Task A_path_that_is_a_folder_fails_with_one_clear_message()
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.TempRoot, $"{Guid.NewGuid():N}")).FullName;

        var error = await Should.ThrowAsync<DataPlaneException>(() =>
            DataPlaneFactory.OpenAsync(new DataPlaneOptions { Provider = DataProvider.Sqlite, SqlitePath = folder }));

        error.Message.ShouldStartWith($"SQLite file {folder} cannot be opened");
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_with_one_clear_message()
    {
        var path = Path.Combine(fixture.TempRoot, $"{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = await Should.ThrowAsync<DataPlaneException>(() =>
            DataPlaneFactory.OpenAsync(new DataPlaneOptions { Provider = DataProvider.Sqlite, SqlitePath = path }));

        error.Message.ShouldStartWith($"SQLite file {path} is not a SQLite database");
    }
}
