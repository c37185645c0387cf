using ReplayWorkflows.Data.Sql;

namespace ReplayWorkflows.Data.Tests;

public sealed class MigrationTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    private static readonly int LatestSqlite = Migration.Load("sqlite").Count;
    private static readonly int LatestPostgres = Migration.Load("postgres").Count;

    [Fact]
    public void Both_providers_ship_the_same_number_of_migrations() => LatestPostgres.ShouldBe(LatestSqlite);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_store_records_every_migration_once(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);

        var versions = await VersionsAsync(plane);

        versions.Select(v => v.Version).ShouldBe(Enumerable.Range(1, LatestSqlite));
        ((IDataPlane)plane).SchemaVersion.ShouldBe(LatestSqlite);
        await plane.CheckAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Opening_an_up_to_date_store_again_changes_nothing(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        IReadOnlyList<(int Version, long Applied)> first;
        await using (var plane = await DataPlaneFixture.OpenAsync(options))
        {
            first = await VersionsAsync(plane);
            await CreateEventAsync(plane);
        }

        await using var again = await DataPlaneFixture.OpenAsync(options);

        (await VersionsAsync(again)).ShouldBe(first);
        (await again.Events.GetAsync("evt-1")).ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_start_ups_apply_each_migration_exactly_once(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);

        var planes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DataPlaneFixture.OpenAsync(options)));
        try
        {
            (await VersionsAsync(planes[0])).Select(v => v.Version).ShouldBe(Enumerable.Range(1, LatestSqlite));
        }
        finally
        {
            foreach (var plane in planes)
            {
                await plane.DisposeAsync();
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_store_from_a_newer_build_is_refused_with_its_version(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        await using (var plane = await DataPlaneFixture.OpenAsync(options))
        {
            await plane.Database.RunAsync("test", c => c.ExecAsync(
                "INSERT INTO schema_version (version, name, applied_unix_ms) VALUES (999, '0999_future', 0)", null, default), default);
        }

        var error = await Should.ThrowAsync<DataPlaneException>(() => DataPlaneFixture.OpenAsync(options));

        error.Message.ShouldContain("schema version 999");
        error.Message.ShouldContain("newer than this build");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_store_needing_migrations_is_refused_when_migrations_are_disabled(DataProvider provider)
    {
        var options = Fixture.NewStore(provider);
        options.ApplyMigrations = false;

        var error = await Should.ThrowAsync<DataPlaneException>(() => DataPlaneFixture.OpenAsync(options));

        error.Message.ShouldContain("schema version 0");
        error.Message.ShouldContain("ApplyMigrations");
    }

    [Fact]
    public async Task Both_providers_create_the_same_tables_and_columns()
    {
        await using var sqlite = await OpenAsync(DataProvider.Sqlite);
        await using var postgres = await OpenAsync(DataProvider.Postgres);

        var sqliteColumns = await sqlite.Database.RunAsync("test", c => c.ListAsync(
            "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
            "WHERE m.type = 'table' ORDER BY 1, 2", null, r => $"{r.String("table_name")}.{r.String("column_name")}", default), default);
        var postgresColumns = await postgres.Database.RunAsync("test", c => c.ListAsync(
            "SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns " +
            "WHERE table_schema = current_schema() ORDER BY 1, 2", null, r => $"{r.String("table_name")}.{r.String("column_name")}", default), default);

        postgresColumns.Order(StringComparer.Ordinal).ShouldBe(sqliteColumns.Order(StringComparer.Ordinal));
        sqliteColumns.ShouldContain("plugin_results.payload");
    }

    [Fact]
    public async Task The_sqlite_file_is_in_wal_mode()
    {
        await using var plane = await OpenAsync(DataProvider.Sqlite);

        var mode = await plane.Database.RunAsync("test", c => c.ListAsync("PRAGMA journal_mode", null, r => r.String("journal_mode"), default), default);

        mode.ShouldBe(["wal"]);
    }

    private static Task<IReadOnlyList<(int Version, long Applied)>> VersionsAsync(SqlDataPlane plane) =>
        plane.Database.RunAsync("test", c => c.ListAsync(
            "SELECT version, applied_unix_ms FROM schema_version ORDER BY version", null,
            r => (r.Int("version"), r.Long("applied_unix_ms")), default), default);
}
