using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

/// <summary>Base of the repository tests: every test is a theory over <see cref="Providers"/>.</summary>
[Collection(DataPlaneCollection.Name)]
public abstract class StoreTest(DataPlaneFixture fixture)
{
    public static TheoryData<DataProvider> Providers => new() { DataProvider.Sqlite, DataProvider.Postgres };

    protected DataPlaneFixture Fixture { get; } = fixture;

    private protected Task<SqlDataPlane> OpenAsync(DataProvider provider) => Fixture.OpenNewAsync(provider);

    protected static EventRecord NewEvent(string eventId = "evt-1", string? name = null) => new(
        eventId, "Program", name ?? eventId, "profile-a", 1, EventStatus.Queued, 1_800_000_000_000, 3 * 3_600_000, null,
        """{"source":{"folder":"/media/evt"}}""");

    protected static async Task<EventRecord> CreateEventAsync(IDataPlane plane, string eventId = "evt-1")
    {
        var record = NewEvent(eventId);
        await plane.Events.CreateAsync(record);
        return record;
    }

    protected static PluginResultRecord Result(
        string plugin, long startMs, long endMs, int chunk, string payload = """{"Label":"x"}""", int track = 0, string eventId = "evt-1") =>
        new(eventId, plugin, track, startMs, endMs, chunk, payload, "1.0.0");
}
