using System.Text.Json;
using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Optimization;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Segments;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Tests.Plugins;

/// <summary>Plugin inputs, results and carried state cross Temporal activity boundaries as JSON: they must round-trip.</summary>
public class SerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Web), Web)!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Web);

    [Fact]
    public void Time_values_round_trip()
    {
        RoundTrip(new TimeRange(1_000, 2_500)).ShouldBe(new TimeRange(1_000, 2_500));
        RoundTrip(FrameRate.Fps2997).ShouldBe(FrameRate.Fps2997);
        RoundTrip(new Timecode(1, 2, 3, 4, true)).ShouldBe(new Timecode(1, 2, 3, 4, true));
    }

    [Fact]
    public void Segment_state_with_carried_data_round_trips()
    {
        var policy = new SegmentPolicy("evt", "Seg", 60_000);
        var data = new List<PluginData> { new("Loudness", 1, [DataPoint.At(5_000, new Dictionary<string, bool> { ["Loud"] = true }, new Dictionary<string, double> { ["MeanLufs"] = -17.5 }, "crowd")]) };
        var step1 = SegmentStateMachine.Advance(policy, SegmentState.Initial, new ChunkInfo(1, new(0, 20_000)), data,
            new([SegmentMark.StartAt(1_000), SegmentMark.EndAt(3_000), SegmentMark.StartAt(4_000)], "carried"));

        var copy = RoundTrip(step1.State);

        Json(copy).ShouldBe(Json(step1.State));
        copy.LastClosed.ShouldBe(step1.State.LastClosed);
        var next = new ChunkInfo(2, new(20_000, 40_000));
        Json(SegmentStateMachine.Advance(policy, copy, next, [], new([SegmentMark.EndAt(25_000)])))
            .ShouldBe(Json(SegmentStateMachine.Advance(policy, step1.State, next, [], new([SegmentMark.EndAt(25_000)]))));
    }

    [Fact]
    public void Plugin_inputs_and_results_round_trip()
    {
        var analysis = new ChunkAnalysis(3, new(40_000, 60_000),
            new VideoAnalysis([new SceneChange(41_000, 0.8)], [new TimeRange(42_000, 42_500)], []),
            [new AudioAnalysis(1, [new TimeRange(50_000, 51_000)], [new LoudnessSample(40_400, -21.5)])]);
        var configuration = new PluginConfiguration(new Dictionary<string, string> { ["threshold"] = "0.4" });
        var featurer = new FeaturerInput(analysis, configuration, 1, [], "state");
        Json(RoundTrip(featurer)).ShouldBe(Json(featurer));

        var classifier = new ClassifierInput(new ChunkInfo(3, new(40_000, 60_000)), configuration,
            new SegmentContext(41_000, new Segment("e", "c", 1_000, 2_000, SegmentCloseReason.MaxLength), 41_000, 60_000), [], null);
        Json(RoundTrip(classifier)).ShouldBe(Json(classifier));
        Json(RoundTrip(new ClassifierResult([SegmentMark.EndAt(45_000)], "low"))).ShouldBe(Json(new ClassifierResult([SegmentMark.EndAt(45_000)], "low")));

        var optimizer = new OptimizerInput(new Segment("e", "c", 1_000, 2_000, SegmentCloseReason.Classifier), configuration,
            [new DetectorData("Silence", CutBias.Unsafe, [DataPoint.Range(900, 1_100)])], new TimeRange(0, 10_000));
        Json(RoundTrip(optimizer)).ShouldBe(Json(optimizer));
        var optimized = CutPointSearch.Optimize(optimizer.Segment, optimizer.Detectors, 500, optimizer.Limits);
        RoundTrip(optimized).ShouldBe(optimized);
    }

    [Fact]
    public void Profiles_and_execution_plans_round_trip()
    {
        var profile = Core.Profiles.ProfileLoader.LoadFile(
            Path.Combine(Testing.RepoPaths.RepoRoot, "samples", "profiles", "soccer-excitement.yaml"), BuiltInPlugins.CreateCatalog()).Profile!;
        Json(RoundTrip(profile)).ShouldBe(Json(profile));
        RoundTrip(profile).ProcessingFrameRate.ShouldBe(FrameRate.Fps25);
        var plan = Core.Planning.ExecutionPlanner.Build(profile);
        Json(RoundTrip(plan)).ShouldBe(Json(plan));
    }

    [Fact]
    public void Replay_requests_and_candidates_round_trip()
    {
        var request = new ReplayRequest("r", ReplayMode.Timestamps, [new FeatureSelector("P", "A", false, 3, false)], Timestamps: [new TimeRange(1, 2)]);
        Json(RoundTrip(request)).ShouldBe(Json(request));
        var candidate = new ReplayCandidate(new SegmentKey("e", "c", 1), 1, 5, 2, 4, [new FeatureValue("P", "A", true)], SegmentFeedback.Like, 7);
        Json(RoundTrip(candidate)).ShouldBe(Json(candidate));
    }
}
