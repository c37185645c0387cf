using ReplayWorkflows.Core.Analysis;
using ReplayWorkflows.Core.Planning;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Core.Tests.Planning;

public class ExecutionPlannerTests
{
    private static Profile Sample(string file) =>
        ProfileLoader.LoadFile(Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", file), BuiltInPlugins.CreateCatalog()).Profile!;

    [Fact]
    public void Featurers_run_first_in_parallel_then_the_classifier_then_labeler_and_optimizer_together()
    {
        var plan = ExecutionPlanner.Build(Sample("soccer-excitement.yaml"));

        plan.Levels.Select(l => l.Select(s => s.Plugin).ToList()).ShouldBe([
            ["BlackFrames", "Loudness", "SceneChange", "Silence"],
            ["ExcitementSegmenter"],
            ["CutPointOptimizer", "ExcitementLabeler"],
        ]);
        plan["CutPointOptimizer"].WaitsFor.ShouldBe(["ExcitementSegmenter", "Silence", "SceneChange"]);
        plan["ExcitementLabeler"].WaitsFor.ShouldBe(["ExcitementSegmenter", "Loudness"]);
        plan["ExcitementSegmenter"].WaitsFor.ShouldBe(["Loudness"]);
        plan.Detectors.ShouldBe(["Silence", "SceneChange"]);
    }

    [Fact]
    public void Classifier_labeler_and_optimizer_are_chunk_ordered_and_stateless_featurers_are_order_free()
    {
        var plan = ExecutionPlanner.Build(Sample("soccer-excitement.yaml"));

        plan.Stages.Where(s => s.Order == CrossChunkOrder.ChunkOrder).Select(s => s.Plugin).Order()
            .ShouldBe(["CutPointOptimizer", "ExcitementLabeler", "ExcitementSegmenter"]);
        plan.Stages.Where(s => s.Class == PluginClass.Featurer).ShouldAllBe(s => s.Order == CrossChunkOrder.OrderFree);
        plan["Loudness"].PerAudioTrack.ShouldBeTrue();
        plan["SceneChange"].PerAudioTrack.ShouldBeFalse();
        plan["Loudness"].Execution.TaskQueue.ShouldBe("replay-plugins-featurer");
    }

    [Fact]
    public void The_plan_lists_each_media_feature_once_for_the_single_decode()
    {
        var plan = ExecutionPlanner.Build(Sample("news-shots.yaml"));
        plan.MediaFeatures.ShouldBe([MediaFeature.SceneChange, MediaFeature.BlackFrames, MediaFeature.FreezeFrames]);
    }

    [Fact]
    public void A_featurer_that_carries_state_becomes_chunk_ordered_and_dependency_chains_add_levels()
    {
        var catalog = BuiltInPlugins.CreateCatalog();
        catalog.Register(new PluginDescriptor("Tracker", 1, PluginClass.Featurer, MediaType.Video,
            PluginExecution.Activity("python-plugins", "track_players"), [], [], ["SceneChange"], [], CarriesState: true));
        var profile = ProfileLoader.Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier: {plugin: ShotSegmenter, dependsOn: [Tracker]}
            featurers: [{plugin: SceneChange}, {plugin: Tracker}]
            """, "p.yaml", catalog).Profile.ShouldNotBeNull();

        var plan = ExecutionPlanner.Build(profile);
        plan["Tracker"].Level.ShouldBe(1);
        plan["Tracker"].Order.ShouldBe(CrossChunkOrder.ChunkOrder);
        plan["Tracker"].Execution.Kind.ShouldBe(PluginExecutionKind.TemporalActivity);
        plan["ShotSegmenter"].Level.ShouldBe(2);
        plan["ShotSegmenter"].WaitsFor.ShouldBe(["Tracker", "SceneChange"]);
    }

    [Fact]
    public void A_featurer_that_reads_a_state_carrying_featurer_is_chunk_ordered_too()
    {
        var catalog = BuiltInPlugins.CreateCatalog();
        catalog.Register(new PluginDescriptor("Tracker", 1, PluginClass.Featurer, MediaType.Video,
            PluginExecution.InProcess(PluginClass.Featurer), [], [], [], [MediaFeature.SceneChange], CarriesState: true));
        catalog.Register(new PluginDescriptor("Possession", 1, PluginClass.Featurer, MediaType.Video,
            PluginExecution.InProcess(PluginClass.Featurer), [], [], ["Tracker"], []));
        var profile = ProfileLoader.Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier: {plugin: ShotSegmenter, dependsOn: [SceneChange]}
            featurers: [{plugin: SceneChange}, {plugin: Possession, dependsOn: [Tracker]}, {plugin: Tracker}]
            """, "p.yaml", catalog).Profile.ShouldNotBeNull();

        var plan = ExecutionPlanner.Build(profile);
        plan["Tracker"].Order.ShouldBe(CrossChunkOrder.ChunkOrder);
        plan["Possession"].Order.ShouldBe(CrossChunkOrder.ChunkOrder);
        plan["Possession"].Level.ShouldBe(1);
        plan["SceneChange"].Order.ShouldBe(CrossChunkOrder.OrderFree);
    }
}
