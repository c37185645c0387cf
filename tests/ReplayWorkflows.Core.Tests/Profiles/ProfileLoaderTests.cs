using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Core.Tests.Profiles;

public class ProfileLoaderTests
{
    private static readonly PluginCatalog Catalog = BuiltInPlugins.CreateCatalog();

    private static ProfileLoadResult Load(string yaml) => ProfileLoader.Load(yaml.ReplaceLineEndings("\n"), "test.yaml", Catalog);

    [Theory]
    [InlineData("soccer-excitement.yaml")]
    [InlineData("news-shots.yaml")]
    [InlineData("minimal-excitement.yaml")]
    public void Sample_profiles_are_valid(string file)
    {
        var result = ProfileLoader.LoadFile(Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", file), Catalog);
        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_valid_profile_resolves_versions_defaults_and_registered_dependencies()
    {
        var result = Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 29.97
            maxSegmentLengthSeconds: 120
            classifier:
              plugin: ExcitementSegmenter
              configuration:
                startLufs: -22
            featurers:
              - plugin: Loudness
            """);

        var profile = result.Profile.ShouldNotBeNull();
        profile.ChunkSizeMs.ShouldBe(20_000);
        profile.MaxSegmentLengthMs.ShouldBe(120_000);
        profile.ProcessingFrameRate.ShouldBe(FrameRate.Fps2997);
        profile.Classifier.Version.ShouldBe(1);
        profile.Classifier.DependsOn.ShouldBe(["Loudness"]);
        profile.Classifier.Configuration.GetDouble("startLufs").ShouldBe(-22);
        profile.Classifier.Configuration.GetDouble("endLufs").ShouldBe(-26);
        profile.Optimizer.ShouldBeNull();
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line()
    {
        var result = Load("""
            name: broken
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 120
            classifier:
              plugin: ExcitementSegmenter
              version: 7
            optimizer:
              plugin: SceneChange
            labeler:
              plugin: NoSuchLabeler
            featurers:
              - plugin: Loudness
                configuration:
                  windowMs: 10
                  colour: red
              - plugin: Silence
                dependsOn: [Missing]
              - plugin: Loudness
            """);

        result.IsValid.ShouldBeFalse();
        var found = result.Problems.Select(p => (p.Line, p.Kind)).ToList();
        found.ShouldBe([
            (7, ProfileProblemKind.UnknownVersion),
            (9, ProfileProblemKind.WrongSlot),
            (11, ProfileProblemKind.UnknownPlugin),
            (15, ProfileProblemKind.InvalidConfiguration),
            (16, ProfileProblemKind.InvalidConfiguration),
            (18, ProfileProblemKind.MissingDependency),
            (19, ProfileProblemKind.DuplicatePlugin),
        ], string.Join("\n", result.Problems));
        result.Problems.Single(p => p.Line == 15).Message.ShouldContain("at least 400");
        result.Problems.Single(p => p.Line == 9).Message.ShouldContain("put it under 'featurers:'");
    }

    [Fact]
    public void A_dependency_cycle_is_named()
    {
        var catalog = BuiltInPlugins.CreateCatalog();
        catalog.Register(Featurer("A"));
        catalog.Register(Featurer("B"));
        catalog.Register(Featurer("C"));
        var result = ProfileLoader.Load("""
            name: cyclic
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier: {plugin: ExcitementSegmenter}
            featurers:
              - plugin: Loudness
              - plugin: A
                dependsOn: [B]
              - plugin: B
                dependsOn: [C]
              - plugin: C
                dependsOn: [A]
            """, "cyclic.yaml", catalog);

        var cycle = result.Problems.ShouldHaveSingleItem();
        cycle.Kind.ShouldBe(ProfileProblemKind.DependencyCycle);
        cycle.Message.ShouldBe("dependency cycle: A -> B -> C -> A");
        cycle.Line.ShouldBe(13);
    }

    [Fact]
    public void A_plugin_depending_on_itself_is_a_cycle()
    {
        var result = Load("""
            name: self
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier: {plugin: ExcitementSegmenter}
            featurers:
              - plugin: Loudness
                dependsOn: [Loudness]
            """);
        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("dependency cycle: Loudness -> Loudness");
    }

    [Fact]
    public void Only_featurers_can_be_dependencies()
    {
        var result = Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier: {plugin: ExcitementSegmenter}
            labeler:
              plugin: ExcitementLabeler
              dependsOn: [ExcitementSegmenter]
            featurers: [{plugin: Loudness}]
            """);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Kind).ShouldBe((8, ProfileProblemKind.InvalidDependency));
    }

    [Fact]
    public void A_registered_dependency_missing_from_the_profile_is_reported_at_the_plugin()
    {
        var result = Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier:
              plugin: ShotSegmenter
            """);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Kind).ShouldBe((6, ProfileProblemKind.MissingDependency));
        problem.Message.ShouldContain("SceneChange");
    }

    [Fact]
    public void A_profile_has_exactly_one_classifier_and_at_most_one_optimizer_and_labeler()
    {
        var none = Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            featurers: [{plugin: Loudness}]
            """);
        none.Problems.ShouldHaveSingleItem().Kind.ShouldBe(ProfileProblemKind.SlotCount);

        var many = Load("""
            name: p
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 60
            classifier:
              - {plugin: ExcitementSegmenter}
              - {plugin: ShotSegmenter}
            optimizer:
              - {plugin: CutPointOptimizer}
              - {plugin: CutPointOptimizer}
            featurers: [{plugin: Loudness}, {plugin: SceneChange}]
            """);
        many.Problems.Where(p => p.Kind == ProfileProblemKind.SlotCount).Select(p => p.Line).ShouldBe([7, 10]);
    }

    [Fact]
    public void Missing_and_malformed_top_level_fields_are_reported()
    {
        var result = Load("""
            name: p
            chunkSizeSeconds: -5
            processingFrameRate: 29.9
            colour: blue
            classifier: {plugin: ExcitementSegmenter}
            featurers: [{plugin: Loudness}]
            """);
        result.Problems.Select(p => (p.Line, p.Kind)).ShouldBe([
            (1, ProfileProblemKind.MissingField),
            (1, ProfileProblemKind.MissingField),
            (2, ProfileProblemKind.InvalidValue),
            (3, ProfileProblemKind.InvalidValue),
            (4, ProfileProblemKind.UnknownField),
        ], string.Join("\n", result.Problems));
    }

    [Fact]
    public void Syntax_errors_carry_their_line()
    {
        var result = Load("""
            name: p
            chunkSizeSeconds: 20
              processingFrameRate: [25
            """);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Kind.ShouldBe(ProfileProblemKind.Syntax);
        problem.Line.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Json_profiles_load_and_report_lines_like_yaml()
    {
        var json = "{\n\t\"name\": \"j\",\n\t\"chunkSizeSeconds\": 20,\n\t\"processingFrameRate\": \"60000/1001\",\n\t\"maxSegmentLengthSeconds\": 60,\n"
            + "\t\"classifier\": {\"plugin\": \"ExcitementSegmenter\", \"configuration\": {\"startLufs\": 5}},\n"
            + "\t\"featurers\": [{\"plugin\": \"Loudness\"}]\n}\n";
        var result = ProfileLoader.Load(json, "p.json", Catalog);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Kind).ShouldBe((6, ProfileProblemKind.InvalidConfiguration));

        var ok = ProfileLoader.Load(json.Replace("\"startLufs\": 5", "\"startLufs\": -21", StringComparison.Ordinal), "p.json", Catalog);
        ok.Profile.ShouldNotBeNull().ProcessingFrameRate.ShouldBe(FrameRate.Fps5994);
        ok.Profile.Classifier.Configuration.GetDouble("startLufs").ShouldBe(-21);
    }

    private static PluginDescriptor Featurer(string name) =>
        new(name, 1, PluginClass.Featurer, MediaType.Video, PluginExecution.InProcess(PluginClass.Featurer), [], [], [], []);
}
