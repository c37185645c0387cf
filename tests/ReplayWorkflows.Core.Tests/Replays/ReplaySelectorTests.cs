using FsCheck;
using FsCheck.Fluent;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Replays;

public class ReplaySelectorTests
{
    private static readonly FeatureSelector A = new("F", "a", Weight: 100);
    private static readonly FeatureSelector B = new("F", "b", Weight: 75);
    private static readonly FeatureSelector C = new("F", "c", Weight: 55);
    private static readonly FeatureSelector D = new("F", "d", Weight: 80);

    private static ReplayCandidate Candidate(long startS, long durationS, params string[] features) =>
        new(new SegmentKey("evt", "Seg", startS * 1000), startS * 1000, (startS + durationS) * 1000, null, null,
            features.Select(f => new FeatureValue("F", f, true)).ToList());

    private static ReplayRequest Duration(long seconds, long toleranceS = 30) =>
        new("r", ReplayMode.Duration, [A, B, C, D], DurationMs: seconds * 1000, ToleranceMs: toleranceS * 1000);

    private static long[] Starts(ReplaySelection s) => s.Clips.Select(c => c.StartMs / 1000).ToArray();

    // mre.md §5.4: target 60 + 30; A(40 s, 175) B(35, 100) C(30, 100) D(20, 55) E(70, 180) gives {E, D}.
    private static readonly ReplayCandidate[] MreExample =
    [
        Candidate(0, 40, "a", "b"),
        Candidate(100, 35, "a"),
        Candidate(200, 30, "a"),
        Candidate(300, 20, "c"),
        Candidate(400, 70, "a", "d"),
    ];

    [Fact]
    public void Mre_duration_example_takes_the_best_segments_that_fit_and_skips_the_rest()
    {
        var selection = ReplaySelector.Select(Duration(60), MreExample);
        Starts(selection).ShouldBe([300, 400]);
        selection.TotalDurationMs.ShouldBe(90_000);
        selection.Clips.Select(c => c.Score).ShouldBe([55, 180]);
    }

    [Fact]
    public void Everything_is_taken_when_it_all_fits()
    {
        ReplaySelector.Select(Duration(180, 20), MreExample).Clips.Count.ShouldBe(5);
    }

    [Fact]
    public void Segments_without_a_requested_feature_are_not_candidates()
    {
        var selection = ReplaySelector.Select(Duration(600), [Candidate(0, 10, "zzz"), Candidate(20, 10, "c")]);
        Starts(selection).ShouldBe([20]);
    }

    [Fact]
    public void Liked_segments_are_forced_in_and_disliked_ones_excluded()
    {
        var request = Duration(60) with { IncludeLiked = true, IgnoreDisliked = true };
        var candidates = MreExample.Select((c, i) => i switch
        {
            1 => c with { Feedback = SegmentFeedback.Like, FeedbackSequence = 1 },
            4 => c with { Feedback = SegmentFeedback.Dislike },
            _ => c,
        }).Append(Candidate(500, 10, "nothing-requested") with { Feedback = SegmentFeedback.Like, FeedbackSequence = 2 });

        var selection = ReplaySelector.Select(request, candidates);
        // Liked 500 (10 s) and 100 (35 s) go first; then A (40 s) fits (85 s) and neither C (30) nor D (20) does.
        Starts(selection).ShouldBe([0, 100, 500]);
        selection.Clips.Where(c => c.ForcedIn).Select(c => c.StartMs / 1000).ShouldBe([100L, 500L]);
    }

    [Fact]
    public void Optimized_bounds_are_what_counts_and_plays()
    {
        var c = Candidate(0, 40, "a") with { OptoStartMs = 1_000, OptoEndMs = 31_000 };
        var selection = ReplaySelector.Select(Duration(0, 30), [c]);
        var clip = selection.Clips.ShouldHaveSingleItem();
        (clip.PlayStartMs, clip.PlayEndMs).ShouldBe((1_000L, 31_000L));
    }

    [Fact]
    public void Clip_feature_mode_takes_every_segment_with_an_included_feature_unscored()
    {
        var request = new ReplayRequest("r", ReplayMode.ClipFeatures, [A, B with { Include = false }]);
        var selection = ReplaySelector.Select(request, [Candidate(0, 10, "b"), Candidate(20, 10, "a"), Candidate(40, 500, "a", "b")]);
        Starts(selection).ShouldBe([20, 40]);
        selection.Clips.ShouldAllBe(c => c.Score == null);
    }

    [Fact]
    public void Timestamp_mode_plays_the_given_ranges_in_the_given_order()
    {
        var request = new ReplayRequest("r", ReplayMode.Timestamps, [], Timestamps: [new TimeRange(50_000, 60_000), new TimeRange(10_000, 12_000)]);
        ReplaySelector.Select(request, MreExample).Clips.Select(c => (c.StartMs, c.EndMs, c.Segment)).ShouldBe([(50_000L, 60_000L, (SegmentKey?)null), (10_000L, 12_000L, null)]);
    }

    [Fact]
    public void Equal_distribution_takes_the_best_of_each_time_group_before_the_second_best_of_any()
    {
        // Span 1000 s: two groups [0, 500) and [500, 1000). The first half holds the three best segments.
        var candidates = new[]
        {
            Candidate(0, 30, "a", "b", "d"), Candidate(100, 30, "a", "b"), Candidate(200, 30, "a", "d"),
            Candidate(600, 30, "c"), Candidate(970, 30, "c"),
        };
        var plain = ReplaySelector.Select(Duration(60, 0), candidates);
        Starts(plain).ShouldBe([0, 200]);

        var equal = ReplaySelector.Select(Duration(60, 0) with { EqualDistribution = true }, candidates);
        Starts(equal).ShouldBe([0, 600]);
    }

    [Fact]
    public void Disregarding_zero_weight_drops_segments_that_only_match_weightless_features()
    {
        var request = new ReplayRequest("r", ReplayMode.Duration, [A, new FeatureSelector("F", "z", Weight: 0)], DurationMs: 600_000);
        ReplaySelector.Select(request, [Candidate(0, 10, "z")]).Clips.Count.ShouldBe(1);
        ReplaySelector.Select(request with { DisregardZeroWeight = true }, [Candidate(0, 10, "z")]).Clips.ShouldBeEmpty();
    }

    [Fact]
    public void Features_are_told_apart_by_plugin_as_well_as_attribute()
    {
        var request = new ReplayRequest("r", ReplayMode.Duration, [new FeatureSelector("Loudness", "Loud")], DurationMs: 600_000);
        var other = new ReplayCandidate(new SegmentKey("e", "c", 0), 0, 10_000, null, null, [new FeatureValue("Crowd", "Loud", true)]);
        ReplaySelector.Select(request, [other]).Clips.ShouldBeEmpty();
    }

    [Fact]
    public void Segment_features_come_from_data_inside_the_segment_and_from_the_label()
    {
        var segment = new Segment("e", "c", 10_000, 20_000, SegmentCloseReason.Classifier);
        var data = new PluginData("Loudness", 1, [
            DataPoint.At(9_000, new Dictionary<string, bool> { ["Loud"] = true }),
            DataPoint.At(15_000, new Dictionary<string, bool> { ["Loud"] = false }),
        ]);
        var label = new LabelerResult("Goal", new Dictionary<string, bool> { ["HighExcitement"] = true }, new Dictionary<string, double>());
        SegmentFeatures.Collect(segment, [data], "ExcitementLabeler", label).Select(f => f.ToString())
            .ShouldBe(["ExcitementLabeler.HighExcitement=true", "Loudness.Loud=false"]);
    }

    [Fact]
    public void Catch_up_reports_whether_the_selection_changed()
    {
        var replay = new CatchUpReplay(Duration(60) with { CatchUp = true });
        replay.Upsert(MreExample[0]).Changed.ShouldBeTrue();
        replay.Upsert(Candidate(50, 5, "nothing-requested")).Changed.ShouldBeFalse();
        replay.Upsert(MreExample[3]).Changed.ShouldBeTrue();
        replay.Upsert(MreExample[2]).Changed.ShouldBeTrue(); // A 40 + C 30 + D 20 = 90 s, exactly the cap
        Starts(replay.Selection).ShouldBe([0, 200, 300]);
        replay.Upsert(MreExample[4]).Changed.ShouldBeTrue();
        Starts(replay.Selection).ShouldBe([300, 400]);
        replay.SetFeedback(MreExample[4].Key, SegmentFeedback.Dislike, 1).Changed.ShouldBeFalse();
        replay.SegmentCount.ShouldBe(5);
        replay.CandidateCount.ShouldBe(4);
    }

    [Fact]
    public void Catch_up_drops_a_disliked_segment_and_refills()
    {
        var replay = new CatchUpReplay(Duration(60) with { IgnoreDisliked = true });
        foreach (var c in MreExample)
        {
            replay.Upsert(c);
        }

        var update = replay.SetFeedback(MreExample[4].Key, SegmentFeedback.Dislike, 1);
        update.Changed.ShouldBeTrue();
        Starts(update.Selection).ShouldBe([0, 100]); // A (40) + B (35) = 75 s; C would make 105
    }

    private static Gen<List<ReplayCandidate>> CandidatesGen =>
        from count in Gen.Choose(0, 40)
        from specs in Gen.ListOf(
            from gap in Gen.Choose(0, 120)
            from dur in Gen.Choose(1, 120)
            from feats in Gen.SubListOf(new[] { "a", "b", "c", "d", "x" })
            from fb in Gen.Elements(SegmentFeedback.None, SegmentFeedback.None, SegmentFeedback.Like, SegmentFeedback.Dislike)
            from seq in Gen.Choose(0, 5)
            select (gap, dur, feats, fb, seq), count)
        select Layout(specs);

    private static List<ReplayCandidate> Layout(IEnumerable<(int Gap, int Dur, List<string> Feats, SegmentFeedback Fb, int Seq)> specs)
    {
        var list = new List<ReplayCandidate>();
        var t = 0L;
        foreach (var s in specs)
        {
            t += s.Gap;
            list.Add(Candidate(t, s.Dur, [.. s.Feats]) with { Feedback = s.Fb, FeedbackSequence = s.Seq });
            t += s.Dur;
        }

        return list;
    }

    private static Gen<ReplayRequest> RequestGen =>
        from target in Gen.Choose(0, 600)
        from tolerance in Gen.Choose(0, 60)
        from equal in Gen.Elements(true, false)
        from liked in Gen.Elements(true, false)
        from disliked in Gen.Elements(true, false)
        select Duration(target, tolerance) with { EqualDistribution = equal, IncludeLiked = liked, IgnoreDisliked = disliked };

    [Fact]
    public void Selection_never_exceeds_target_plus_tolerance_and_ignores_arrival_order()
    {
        var gen = from request in RequestGen
                  from candidates in CandidatesGen
                  from shuffled in Gen.Shuffle(candidates.ToArray())
                  select (request, candidates, shuffled: shuffled.ToList());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(gen), c =>
        {
            var a = ReplaySelector.Select(c.request, c.candidates);
            var b = ReplaySelector.Select(c.request, c.shuffled);
            return a.TotalDurationMs <= c.request.CapMs
                && a.SameClipsAs(b)
                && a.Clips.Zip(a.Clips.Skip(1)).All(p => p.First.PlayEndMs <= p.Second.PlayStartMs);
        }));
    }

    [Fact]
    public void Catch_up_fed_in_any_order_ends_with_the_batch_selection()
    {
        var gen = from request in RequestGen
                  from candidates in CandidatesGen
                  from shuffled in Gen.Shuffle(candidates.ToArray())
                  select (request, candidates, shuffled: shuffled.ToList());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(gen), c =>
        {
            var replay = new CatchUpReplay(c.request with { CatchUp = true });
            foreach (var candidate in c.shuffled)
            {
                var before = replay.Selection;
                var update = replay.Upsert(candidate);
                if (update.Changed == update.Selection.SameClipsAs(before) || update.Selection.TotalDurationMs > c.request.CapMs)
                {
                    return false;
                }
            }

            return replay.Selection.SameClipsAs(ReplaySelector.Select(c.request, c.candidates));
        }));
    }
}
