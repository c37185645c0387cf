using ReplayWorkflows.Media.Sources;
using ReplayWorkflows.Media.Tests.Support;

namespace ReplayWorkflows.Media.Tests.Sources;

[Collection(MediaCollection.Name)]
public sealed class FolderChunkSourceTests(MediaFixture media)
{
    private static FolderChunkSource Source(string dir, TimeSpan? settle = null) => new(new FolderSourceOptions
    {
        Directory = dir,
        PollInterval = TimeSpan.FromMilliseconds(20),
        SettleTime = settle ?? TimeSpan.FromMilliseconds(100),
        EndMarker = "END",
    });

    private void Arrive(TempDir dir, int chunk) => File.Copy(media.Match.ChunkPaths[chunk - 1], dir.File($"cam_{chunk}.ts"));

    [Fact]
    public async Task New_chunk_files_are_reported_once_in_numeric_order()
    {
        using var dir = new TempDir();
        Arrive(dir, 2);
        Arrive(dir, 1);
        await using var collector = new EventCollector(Source(dir.Path));
        await collector.WaitForChunksAsync(2);
        for (var i = 3; i <= 5; i++)
        {
            Arrive(dir, i);
            await collector.WaitForChunksAsync(i);
        }

        await File.WriteAllTextAsync(dir.File("END"), string.Empty);
        await collector.WaitForEndAsync();
        collector.Found.Select(f => f.Number).ShouldBe([1L, 2, 3, 4, 5]);
        collector.Found[^1].Location.ShouldBe(dir.File("cam_5.ts"));
    }

    [Fact]
    public async Task A_missing_chunk_is_reported_as_a_gap_and_a_late_arrival_is_not_reported()
    {
        using var dir = new TempDir();
        Arrive(dir, 1);
        Arrive(dir, 3);
        Arrive(dir, 4);
        await using var collector = new EventCollector(Source(dir.Path));
        await collector.WaitForChunksAsync(3);
        Arrive(dir, 2);
        await File.WriteAllTextAsync(dir.File("END"), string.Empty);
        await collector.WaitForEndAsync();
        collector.Found.Select(f => f.Number).ShouldBe([1L, 3, 4]);
        collector.Events.OfType<ChunkGap>().ShouldHaveSingleItem().ShouldBe(new ChunkGap(2, 2));
    }

    [Fact]
    public async Task The_newest_chunk_waits_until_its_file_stops_growing()
    {
        using var dir = new TempDir();
        Arrive(dir, 1);
        var bytes = await File.ReadAllBytesAsync(media.Match.ChunkPaths[1]);
        var growing = new FileStream(dir.File("cam_2.ts"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        await growing.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await growing.FlushAsync();

        // A long settle time: while the writer holds the file half-written, chunk 2 must not be reported.
        await using var collector = new EventCollector(Source(dir.Path, TimeSpan.FromSeconds(30)));
        await collector.WaitForChunksAsync(1);
        await growing.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        await growing.DisposeAsync();
        Arrive(dir, 3);
        await collector.WaitForChunksAsync(2);
        collector.Found.Select(f => f.Number).ShouldBe([1L, 2]);
        new FileInfo(collector.Found[1].Location).Length.ShouldBe(bytes.Length);
    }

    [Fact]
    public async Task A_chunk_moved_into_the_folder_is_reported_without_waiting_for_the_next_poll()
    {
        using var dir = new TempDir();
        Arrive(dir, 1);

        // A ten-minute poll: only the change notification can report chunk 2 within the collector's 30 s.
        var source = new FolderChunkSource(new FolderSourceOptions { Directory = dir.Path, PollInterval = TimeSpan.FromMinutes(10), SettleTime = TimeSpan.Zero });
        await using var collector = new EventCollector(source);
        await collector.WaitForChunksAsync(1);
        var staging = dir.File("incoming.part");
        File.Copy(media.Match.ChunkPaths[1], staging);
        File.Move(staging, dir.File("cam_2.ts"));
        await collector.WaitForChunksAsync(2);
        collector.Found.Select(f => f.Number).ShouldBe([1L, 2]);
    }

    [Fact]
    public async Task A_chunk_renamed_into_place_is_complete_at_once_and_one_written_in_place_still_settles()
    {
        using var dir = new TempDir();
        Arrive(dir, 1);
        Arrive(dir, 2);

        // A settle time far past the collector's 30 s. Chunk 1 is reported because chunk 2 follows it, which also
        // shows the watch (and its change notifications) is running before anything is renamed.
        await using var collector = new EventCollector(Source(dir.Path, TimeSpan.FromMinutes(5)));
        await collector.WaitForChunksAsync(1);

        // Only the rename can make chunk 3, the newest, count as complete within the wait.
        var staging = dir.File("cam_3.ts.part");
        File.Copy(media.Match.ChunkPaths[2], staging);
        File.Move(staging, dir.File("cam_3.ts"));
        await collector.WaitForChunksAsync(3);

        Arrive(dir, 4);
        await Task.Delay(TimeSpan.FromSeconds(1));
        collector.Found.Select(f => f.Number).ShouldBe([1L, 2, 3]);
    }
}
