using FsCheck;
using FsCheck.Fluent;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Time;

public class TimecodeTests
{
    [Theory]
    [InlineData(0, "00:00:00;00")]
    [InlineData(1799, "00:00:59;29")]
    [InlineData(1800, "00:01:00;02")]
    [InlineData(3597, "00:01:59;29")]
    [InlineData(3598, "00:02:00;02")]
    [InlineData(17981, "00:09:59;29")]
    [InlineData(17982, "00:10:00;00")]
    [InlineData(17983, "00:10:00;01")]
    [InlineData(107892, "01:00:00;00")]
    public void Drop_frame_at_29_97_skips_two_labels_every_minute_except_each_tenth(long frames, string expected)
    {
        Timecode.FromFrameCount(frames, FrameRate.Fps2997, dropFrame: true).ToString().ShouldBe(expected);
        Timecode.Parse(expected, FrameRate.Fps2997).ToFrameCount(FrameRate.Fps2997).ShouldBe(frames);
    }

    [Theory]
    [InlineData(3599, "00:00:59;59")]
    [InlineData(3600, "00:01:00;04")]
    [InlineData(35964, "00:10:00;00")]
    [InlineData(215784, "01:00:00;00")]
    public void Drop_frame_at_59_94_skips_four_labels_every_minute_except_each_tenth(long frames, string expected)
    {
        Timecode.FromFrameCount(frames, FrameRate.Fps5994, dropFrame: true).ToString().ShouldBe(expected);
        Timecode.Parse(expected, FrameRate.Fps5994).ToFrameCount(FrameRate.Fps5994).ShouldBe(frames);
    }

    [Fact]
    public void One_hour_of_29_97_is_01_00_00_00_in_drop_frame_and_drifts_3_6_seconds_in_non_drop()
    {
        Timecode.FromMilliseconds(3_600_000, FrameRate.Fps2997, dropFrame: true).ToString().ShouldBe("01:00:00;00");
        Timecode.FromMilliseconds(3_600_000, FrameRate.Fps2997, dropFrame: false).ToString().ShouldBe("00:59:56:12");
    }

    [Theory]
    [InlineData(24, 1, 1_000, "00:00:01:00")]
    [InlineData(25, 1, 12_400, "00:00:12:10")]
    [InlineData(25, 1, 3_723_040, "01:02:03:01")]
    [InlineData(30, 1, 59_999, "00:00:59:29")]
    [InlineData(50, 1, 1_990, "00:00:01:49")]
    [InlineData(60, 1, 61_000, "00:01:01:00")]
    [InlineData(24000, 1001, 1_001, "00:00:01:00")]
    [InlineData(24000, 1001, 1_000, "00:00:00:23")]
    public void Milliseconds_map_to_the_frame_that_contains_them(int num, int den, long ms, string expected)
    {
        var rate = new FrameRate(num, den);
        Timecode.FromMilliseconds(ms, rate, dropFrame: false).ToString().ShouldBe(expected);
    }

    [Fact]
    public void Frames_never_reach_the_nominal_rate_even_one_millisecond_before_a_second()
    {
        // MRE's clip timecodes could read FF=25 at 25 fps for 0.999 s (mre.md §9.8).
        Timecode.FromMilliseconds(999, FrameRate.Fps25, dropFrame: false).ToString().ShouldBe("00:00:00:24");
    }

    [Fact]
    public void Dropped_labels_do_not_parse()
    {
        Should.Throw<FormatException>(() => Timecode.Parse("00:01:00;00", FrameRate.Fps2997));
        Should.Throw<FormatException>(() => Timecode.Parse("00:01:00;03", FrameRate.Fps5994));
        Timecode.Parse("00:10:00;00", FrameRate.Fps2997).Frames.ShouldBe(0);
    }

    [Fact]
    public void Drop_frame_is_refused_at_rates_that_have_none()
    {
        Should.Throw<ArgumentException>(() => Timecode.FromFrameCount(10, FrameRate.Fps25, dropFrame: true));
        Should.Throw<FormatException>(() => Timecode.Parse("00:00:01;00", FrameRate.Fps30));
        FrameRate.Fps30.SupportsDropFrame.ShouldBeFalse();
        FrameRate.Fps2997.SupportsDropFrame.ShouldBeTrue();
        FrameRate.Fps5994.SupportsDropFrame.ShouldBeTrue();
        FrameRate.Fps23976.SupportsDropFrame.ShouldBeFalse();
    }

    [Fact]
    public void Frame_counts_round_trip_through_labels_at_every_standard_rate()
    {
        var gen = from rate in Gen.Elements(FrameRate.Standard.ToArray())
                  from frames in Gen.Choose(0, 2_000_000)
                  from drop in Gen.Elements(true, false)
                  select (rate, frames: (long)frames, drop: drop && rate.SupportsDropFrame);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(gen), c =>
        {
            var label = Timecode.FromFrameCount(c.frames, c.rate, c.drop);
            var parsed = Timecode.Parse(label.ToString(), c.rate);
            return parsed == label && parsed.ToFrameCount(c.rate) == c.frames;
        }));
    }

    [Fact]
    public void Consecutive_frames_have_consecutive_labels()
    {
        foreach (var rate in FrameRate.Standard)
        {
            var drop = rate.SupportsDropFrame;
            var previous = Timecode.FromFrameCount(0, rate, drop);
            for (long f = 1; f < 40_000; f++)
            {
                var label = Timecode.FromFrameCount(f, rate, drop);
                Next(previous, rate).ShouldBe(label, $"frame {f} at {rate}");
                previous = label;
            }
        }
    }

    [Fact]
    public void A_frame_starts_at_a_millisecond_that_maps_back_to_it()
    {
        var gen = from rate in Gen.Elements(FrameRate.Standard.ToArray())
                  from frames in Gen.Choose(0, int.MaxValue / 2)
                  select (rate, frames: (long)frames);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(gen), c =>
        {
            var ms = c.rate.StartOfFrameMs(c.frames);
            return c.rate.FrameAt(ms) == c.frames && (ms == 0 || c.rate.FrameAt(ms - 1) == c.frames - 1);
        }));
    }

    [Theory]
    [InlineData("29.97", 30000, 1001)]
    [InlineData("23.976", 24000, 1001)]
    [InlineData("59.94", 60000, 1001)]
    [InlineData("25", 25, 1)]
    [InlineData("30000/1001", 30000, 1001)]
    public void Frame_rates_parse_to_exact_ratios(string text, int num, int den) =>
        FrameRate.Parse(text).ShouldBe(new FrameRate(num, den));

    [Theory]
    [InlineData("29.9")]
    [InlineData("0")]
    [InlineData("-25")]
    [InlineData("abc")]
    [InlineData("30/0")]
    public void Unknown_frame_rates_do_not_parse(string text) => FrameRate.TryParse(text, out _).ShouldBeFalse();

    private static Timecode Next(Timecode tc, FrameRate rate)
    {
        var (h, m, s, f) = (tc.Hours, tc.Minutes, tc.Seconds, tc.Frames + 1);
        if (f == rate.NominalFps)
        {
            (f, s) = (0, s + 1);
        }

        if (s == 60)
        {
            (s, m) = (0, m + 1);
            if (tc.DropFrame && m % 10 != 0 && m != 60)
            {
                f = rate.NominalFps / 15;
            }
        }

        if (m == 60)
        {
            (m, h) = (0, h + 1);
        }

        return new Timecode(h, m, s, f, tc.DropFrame);
    }
}
