using System.Net;
using System.Net.Sockets;

namespace ReplayWorkflows.Data.Tests;

public sealed class OptionsAndConnectionTests
{
    [Fact]
    public async Task An_unreachable_postgres_server_fails_with_one_clear_message_naming_it()
    {
        var port = UnusedPort();
        var options = new DataPlaneOptions
        {
            Provider = DataProvider.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=replay;Username=replay;Password=secret;Timeout=5",
        };

        var error = await Should.ThrowAsync<DataPlaneException>(() => DataPlaneFactory.OpenAsync(options));

        error.Message.ShouldStartWith($"PostgreSQL server 127.0.0.1:{port}/replay is unreachable");
        error.Message.ShouldContain("Data:ConnectionString");
        error.Message.ShouldNotContain("secret");
        error.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public void Options_report_every_problem_at_once()
    {
        var options = new DataPlaneOptions { Provider = DataProvider.Postgres, Schema = "Bad-Schema", BusyTimeout = TimeSpan.Zero };

        options.Validate().ShouldBe([
            "Data:ConnectionString is empty: set the PostgreSQL connection string.",
            "Data:Schema 'Bad-Schema' is not a plain lower-case identifier (a-z, 0-9, _; at most 63 characters).",
            "Data:BusyTimeout 00:00:00 must be positive.",
        ]);
    }

    [Fact]
    public void The_options_validator_reports_the_same_problems_to_the_host()
    {
        var result = new DataPlaneOptionsValidator().Validate(null, new DataPlaneOptions { Provider = DataProvider.Postgres });

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldBe(["Data:ConnectionString is empty: set the PostgreSQL connection string."]);
        new DataPlaneOptionsValidator().Validate(null, new DataPlaneOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Invalid_options_fail_before_anything_opens()
    {
        var error = await Should.ThrowAsync<DataPlaneException>(() =>
            DataPlaneFactory.OpenAsync(new DataPlaneOptions { Provider = DataProvider.Sqlite, SqlitePath = " " }));

        error.Message.ShouldBe("Data:SqlitePath is empty: set the SQLite database file.");
    }

    [Fact]
    public void The_default_is_an_embedded_sqlite_file() =>
        new DataPlaneOptions().ShouldSatisfyAllConditions(
            o => o.Provider.ShouldBe(DataProvider.Sqlite),
            o => o.SqlitePath.ShouldBe("replay.db"),
            o => o.Validate().ShouldBeEmpty());

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
