using FsCheck;
using FsCheck.Fluent;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Tests.Segments;

public class SegmentStateMachineTests
{
    private static readonly SegmentPolicy Policy = new("evt", "Seg", maxSegmentLengthMs: 120_000);

    private static ChunkInfo Chunk(int number, long startMs, long endMs) => new(number, new(startMs, endMs));

    private static SegmentStep Step(SegmentState state, ChunkInfo chunk, params SegmentMark[] marks) =>
        SegmentStateMachine.Advance(Policy, state, chunk, [], new ClassifierResult(marks));

    [Fact]
    public void Closing_a_segment_keeps_its_start()
    {
        var first = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(12_400));
        first.Closed.ShouldBeEmpty();
        first.OpenStartMs.ShouldBe(12_400);

        var second = Step(first.State, Chunk(2, 20_000, 40_000), SegmentMark.EndAt(27_000));
        var segment = second.Closed.ShouldHaveSingleItem();
        segment.Key.ShouldBe(new SegmentKey("evt", "Seg", 12_400));
        segment.EndMs.ShouldBe(27_000);
        segment.CloseReason.ShouldBe(SegmentCloseReason.Classifier);
    }

    [Fact]
    public void Mre_worked_example_3_2a_gives_two_segments_in_chunk_two()
    {
        // ChunkSize 20 s: chunk 1 opens at 12.4 s; chunk 2 ends it at 27.0 s and holds a whole segment 31.0-38.5 s.
        var first = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(12_400));
        var second = Step(first.State, Chunk(2, 20_000, 40_000),
            SegmentMark.EndAt(27_000), SegmentMark.StartAt(31_000), SegmentMark.EndAt(38_500));

        second.Closed.Select(s => (s.StartMs, s.EndMs)).ShouldBe([(12_400L, 27_000L), (31_000L, 38_500L)]);
        second.Closed.ShouldAllBe(s => s.CloseReason == SegmentCloseReason.Classifier);
        second.OpenStartMs.ShouldBeNull();
        second.State.LastClosed!.StartMs.ShouldBe(31_000);
    }

    [Fact]
    public void Mre_worked_example_3_2a_gives_the_classifier_the_same_context_as_get_segment_state()
    {
        // Chunk 1: no prior segment, look back one maximum length; chunk 2: state "Start" with data after 12.4 s.
        var scenes = Enumerable.Range(1, 99).Select(i => LevelClassifier.Point(i * 200, 0)).ToList();
        var chunk1 = Chunk(1, 0, 20_000);
        var data1 = new List<PluginData> { new("DetectScene", null, scenes) };
        var input1 = SegmentStateMachine.PrepareInput(Policy, SegmentState.Initial, chunk1, data1, PluginConfiguration.Empty);
        (input1.Context.OpenSegmentStartMs, input1.Context.LastClosed, input1.Context.LookBackFromMs).ShouldBe((null, null, -120_000L));
        PluginData.PointsOf(input1.Dependencies, "DetectScene").Count.ShouldBe(99);

        var first = SegmentStateMachine.Advance(Policy, SegmentState.Initial, chunk1, data1, new([SegmentMark.StartAt(12_400)]));
        var data2 = new List<PluginData> { new("DetectScene", null, [LevelClassifier.Point(20_200, 0)]) };
        var input2 = SegmentStateMachine.PrepareInput(Policy, first.State, Chunk(2, 20_000, 40_000), data2, PluginConfiguration.Empty);
        input2.Context.OpenSegmentStartMs.ShouldBe(12_400);
        PluginData.PointsOf(input2.Dependencies, "DetectScene").ShouldAllBe(p => p.StartMs >= 12_400);
        PluginData.PointsOf(input2.Dependencies, "DetectScene").Count.ShouldBe(39); // 12.4-19.8 s and 20.2 s
    }

    [Fact]
    public void A_segment_longer_than_the_maximum_is_closed_at_the_cap()
    {
        var policy = new SegmentPolicy("evt", "Seg", maxSegmentLengthMs: 30_000);
        var s1 = SegmentStateMachine.Advance(policy, SegmentState.Initial, Chunk(1, 0, 20_000), [], new([SegmentMark.StartAt(5_000)]));
        var s2 = SegmentStateMachine.Advance(policy, s1.State, Chunk(2, 20_000, 40_000), [], new([SegmentMark.EndAt(39_000)]));

        var capped = s2.Closed.ShouldHaveSingleItem();
        (capped.StartMs, capped.EndMs, capped.CloseReason).ShouldBe((5_000L, 35_000L, SegmentCloseReason.MaxLength));
        s2.Rejected.ShouldHaveSingleItem().Mark.ShouldBe(SegmentMark.EndAt(39_000));
    }

    [Fact]
    public void The_cap_closes_an_open_segment_even_in_a_chunk_without_marks()
    {
        var policy = new SegmentPolicy("evt", "Seg", maxSegmentLengthMs: 25_000);
        var s1 = SegmentStateMachine.Advance(policy, SegmentState.Initial, Chunk(1, 0, 20_000), [], new([SegmentMark.StartAt(10_000)]));
        var s2 = SegmentStateMachine.Advance(policy, s1.State, Chunk(2, 20_000, 40_000), [], new([]));

        s2.Closed.ShouldHaveSingleItem().EndMs.ShouldBe(35_000);
        s2.OpenStartMs.ShouldBeNull();
    }

    [Fact]
    public void At_event_end_an_open_segment_is_closed_at_the_last_media_time()
    {
        var s1 = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(15_000));
        var end = SegmentStateMachine.Finish(Policy, s1.State, lastMediaTimeMs: 19_960);

        var segment = end.Closed.ShouldHaveSingleItem();
        (segment.StartMs, segment.EndMs, segment.CloseReason).ShouldBe((15_000L, 19_960L, SegmentCloseReason.EventEnd));
        end.State.Finished.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => Step(end.State, Chunk(2, 20_000, 40_000)));
    }

    [Fact]
    public void An_open_segment_without_media_after_its_start_is_dropped_at_event_end()
    {
        var s1 = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(20_000));
        var end = SegmentStateMachine.Finish(Policy, s1.State, lastMediaTimeMs: 20_000);
        end.Closed.ShouldBeEmpty();
        end.Rejected.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_start_inside_the_previous_segment_is_rejected_so_segments_never_overlap()
    {
        var s1 = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(2_000), SegmentMark.EndAt(9_000));
        var s2 = Step(s1.State, Chunk(2, 20_000, 40_000), SegmentMark.StartAt(8_000), SegmentMark.EndAt(25_000));

        s2.Closed.ShouldBeEmpty();
        s2.Rejected.Count.ShouldBe(2);
        s2.Rejected[0].Reason.ShouldContain("overlap");
    }

    [Fact]
    public void Back_to_back_segments_may_share_an_instant()
    {
        var s = Step(SegmentState.Initial, Chunk(1, 0, 20_000),
            SegmentMark.StartAt(10_000), SegmentMark.StartAt(5_000), SegmentMark.EndAt(10_000), SegmentMark.EndAt(15_000));
        s.Closed.Select(x => (x.StartMs, x.EndMs)).ShouldBe([(5_000L, 10_000L), (10_000L, 15_000L)]);
    }

    [Fact]
    public void An_end_at_or_before_the_start_is_rejected()
    {
        var s = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(5_000), SegmentMark.EndAt(5_000));
        s.Closed.ShouldBeEmpty();
        s.OpenStartMs.ShouldBe(5_000);
        s.Rejected.ShouldHaveSingleItem().Mark.Kind.ShouldBe(SegmentMarkKind.End);
    }

    [Fact]
    public void A_negative_start_is_rejected()
    {
        var s = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(-5));
        s.OpenStartMs.ShouldBeNull();
        s.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("negative");
    }

    [Fact]
    public void Marks_after_the_chunk_are_rejected()
    {
        var s = Step(SegmentState.Initial, Chunk(1, 0, 20_000), SegmentMark.StartAt(25_000));
        s.OpenStartMs.ShouldBeNull();
        s.Rejected.ShouldHaveSingleItem();
    }

    [Fact]
    public void Chunks_must_arrive_in_order()
    {
        var s1 = Step(SegmentState.Initial, Chunk(2, 20_000, 40_000));
        Should.Throw<InvalidOperationException>(() => Step(s1.State, Chunk(1, 0, 20_000)));
        Should.Throw<InvalidOperationException>(() => Step(s1.State, Chunk(3, 30_000, 50_000)));
        Step(s1.State, Chunk(4, 60_000, 80_000)).State.LastChunkNumber.ShouldBe(4);
    }

    [Fact]
    public void The_classifier_sees_dependency_data_from_the_open_segment_start()
    {
        var data1 = new List<PluginData> { new("Level", null, [LevelClassifier.Point(1_000, 0.1), LevelClassifier.Point(12_000, 0.9)]) };
        var s1 = SegmentStateMachine.Advance(Policy, SegmentState.Initial, Chunk(1, 0, 20_000), data1, new([SegmentMark.StartAt(12_000)]));
        var data2 = new List<PluginData> { new("Level", null, [LevelClassifier.Point(21_000, 0.8)]) };

        var input = SegmentStateMachine.PrepareInput(Policy, s1.State, Chunk(2, 20_000, 40_000), data2, PluginConfiguration.Empty);

        input.Context.OpenSegmentStartMs.ShouldBe(12_000);
        input.Context.LookBackFromMs.ShouldBe(12_000);
        PluginData.PointsOf(input.Dependencies, "Level").Select(p => p.StartMs).ShouldBe([12_000L, 21_000L]);
    }

    [Fact]
    public void Carried_dependency_data_is_bounded_by_the_maximum_segment_length()
    {
        var policy = new SegmentPolicy("evt", "Seg", maxSegmentLengthMs: 30_000);
        var state = SegmentState.Initial;
        for (var i = 0; i < 50; i++)
        {
            var chunk = Chunk(i + 1, i * 10_000L, (i + 1) * 10_000L);
            var data = new List<PluginData> { new("Level", null, [LevelClassifier.Point(chunk.StartMs, 0.1), LevelClassifier.Point(chunk.StartMs + 5_000, 0.1)]) };
            state = SegmentStateMachine.Advance(policy, state, chunk, data, new([])).State;
        }

        state.CarriedData.Sum(d => d.Points.Count).ShouldBeLessThanOrEqualTo(7);
        state.CarriedData.SelectMany(d => d.Points).ShouldAllBe(p => p.EndMs >= 500_000 - 30_000);
    }

    [Fact]
    public void The_same_stream_cut_into_chunks_of_any_size_gives_the_same_segments()
    {
        var gen = from durationS in Gen.Choose(10, 600)
                  from maxS in Gen.Choose(5, 200)
                  from count in Gen.Choose(0, 200)
                  from times in Gen.ListOf(Gen.Choose(0, (durationS * 1000) - 1), count)
                  from levels in Gen.ListOf(Gen.Choose(0, 9), count)
                  from cutsA in Gen.ListOf(Gen.Choose(1, (durationS * 1000) - 1))
                  from chunkS in Gen.Choose(1, 60)
                  select (durationMs: durationS * 1000L, maxMs: maxS * 1000L,
                      points: times.Zip(levels).DistinctBy(p => p.First).OrderBy(p => p.First)
                          .Select(p => LevelClassifier.Point(p.First, p.Second / 10.0)).ToList(),
                      cutsA: cutsA.Select(c => (long)c).ToList(), chunkMs: chunkS * 1000L);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(gen), c =>
        {
            var policy = new SegmentPolicy("evt", "Level", c.maxMs);
            var whole = LevelClassifier.Run(policy, c.points, c.durationMs, []);
            var random = LevelClassifier.Run(policy, c.points, c.durationMs, c.cutsA);
            var regular = LevelClassifier.Run(policy, c.points, c.durationMs,
                Enumerable.Range(1, (int)(c.durationMs / c.chunkMs)).Select(i => i * c.chunkMs).ToList());
            return Same(whole, random) && Same(whole, regular) && WellFormed(whole, c.maxMs, c.durationMs);
        }));
    }

    [Fact]
    public void Whatever_a_classifier_says_segments_never_overlap_and_respect_start_end_and_cap()
    {
        var mark = from kind in Gen.Elements(SegmentMarkKind.Start, SegmentMarkKind.End)
                   from offset in Gen.Choose(-30_000, 25_000)
                   select (kind, offset);
        var gen = from maxS in Gen.Choose(1, 90)
                  from count in Gen.Choose(1, 12)
                  from chunks in Gen.ListOf(Gen.ListOf(mark), count)
                  select (maxMs: maxS * 1000L, chunks: chunks.ToList());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(gen), c =>
        {
            var policy = new SegmentPolicy("evt", "Any", c.maxMs);
            var state = SegmentState.Initial;
            var closed = new List<Segment>();
            for (var i = 0; i < c.chunks.Count; i++)
            {
                var chunk = Chunk(i + 1, i * 20_000L, (i + 1) * 20_000L);
                var marks = c.chunks[i].Select(m => new SegmentMark(m.kind, chunk.StartMs + m.offset)).ToList();
                var step = SegmentStateMachine.Advance(policy, state, chunk, [], new ClassifierResult(marks));
                if (!step.Rejected.All(r => marks.Contains(r.Mark)))
                {
                    return false;
                }

                closed.AddRange(step.Closed);
                state = step.State;
            }

            var end = c.chunks.Count * 20_000L;
            closed.AddRange(SegmentStateMachine.Finish(policy, state, end).Closed);
            return WellFormed(closed, c.maxMs, end) && closed.All(s => s.StartMs >= 0);
        }));
    }

    private static bool Same(List<Segment> a, List<Segment> b) =>
        a.Select(s => (s.StartMs, s.EndMs, s.CloseReason)).SequenceEqual(b.Select(s => (s.StartMs, s.EndMs, s.CloseReason)));

    private static bool WellFormed(List<Segment> segments, long maxMs, long durationMs)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.StartMs >= s.EndMs || s.DurationMs > maxMs || s.EndMs > durationMs)
            {
                return false;
            }

            if (i > 0 && segments[i - 1].EndMs > s.StartMs)
            {
                return false;
            }
        }

        return true;
    }
}
