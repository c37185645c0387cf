using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Replays;

public class ReplayRequestTests
{
    [Fact]
    public void A_sound_duration_request_has_no_problems()
    {
        new ReplayRequest("r", ReplayMode.Duration, [new FeatureSelector("P", "A", Weight: 50)], DurationMs: 60_000).Problems().ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported()
    {
        var request = new ReplayRequest("", ReplayMode.Duration,
            [new FeatureSelector("P", "A", Weight: 101), new FeatureSelector("P", "A", Weight: 5)], AudioTrack: 0, DurationMs: 0, ToleranceMs: -1);
        request.Problems().Count.ShouldBe(6);
        new ReplayRequest("t", ReplayMode.Timestamps, []).Problems().ShouldHaveSingleItem().ShouldContain("timestamp mode");
        new ReplayRequest("c", ReplayMode.ClipFeatures, [new FeatureSelector("P", "A", Include: false)]).Problems().ShouldHaveSingleItem();
    }

    [Fact]
    public void Timestamp_lists_parse_seconds_exactly_to_milliseconds()
    {
        var (ranges, problems) = TimestampList.Parse("12.345,20\n\n 100 , 100.5 \r\n");
        problems.ShouldBeEmpty();
        ranges.ShouldBe([new TimeRange(12_345, 20_000), new TimeRange(100_000, 100_500)]);
    }

    [Fact]
    public void Bad_timestamp_lines_are_reported_by_line()
    {
        var (ranges, problems) = TimestampList.Parse("1,2\n5,4\nabc\n1.0001,3\n-1,2");
        ranges.ShouldBe([new TimeRange(1_000, 2_000)]);
        problems.Select(p => p[..6]).ShouldBe(["line 2", "line 3", "line 4", "line 5"]);
    }
}
