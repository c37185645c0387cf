using ReplayWorkflows.Temporal.Server.History;

namespace ReplayWorkflows.Temporal.Server.Tests;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 17, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("*/5 * * * *", 150)]
    [InlineData("0 * * * *", 2550)]
    [InlineData("@hourly", 2550)]
    [InlineData("30 10 * * *", 750)]
    public void A_standard_schedule_waits_until_its_next_time(string spec, int seconds) =>
        CronSchedule.Parse(spec).BackoffFrom(Now, Now).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Every_is_anchored_at_the_run_start_so_runs_do_not_drift()
    {
        var schedule = CronSchedule.Parse("@every 1m30s");
        schedule.BackoffFrom(Now, Now).ShouldBe(TimeSpan.FromSeconds(90));
        schedule.BackoffFrom(Now + TimeSpan.FromSeconds(100), Now).ShouldBe(TimeSpan.FromSeconds(80), "the next slot is start + 180 s");
    }

    [Fact]
    public void A_time_zone_prefix_moves_the_schedule_into_that_zone()
    {
        // 10:17:30 UTC is 11:17:30 in Paris (winter): the next 12:00 there is 42.5 minutes away.
        CronSchedule.Parse("CRON_TZ=Europe/Paris 0 12 * * *").BackoffFrom(Now, Now).ShouldBe(TimeSpan.FromMinutes(42.5));
    }

    [Theory]
    [InlineData("* * *", "not a cron schedule")]
    [InlineData("61 * * * *", "not a cron schedule")]
    [InlineData("@every soon", "not a duration")]
    [InlineData("@every 10ms", "at least one second")]
    [InlineData("CRON_TZ=Mars/Olympus 0 * * * *", "unknown time zone")]
    public void A_bad_schedule_says_what_is_wrong(string spec, string reason) =>
        Should.Throw<FormatException>(() => CronSchedule.Parse(spec)).Message.ShouldContain(reason);

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("250ms", 250)]
    public void Go_durations_parse_as_temporal_writes_them(string text, int milliseconds) =>
        CronSchedule.ParseGoDuration(text).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
}
