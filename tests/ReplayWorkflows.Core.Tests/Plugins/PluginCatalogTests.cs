using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Core.Tests.Plugins;

public class PluginCatalogTests
{
    private static PluginDescriptor Featurer(string name, int version, params string[] dependencies) =>
        new(name, version, PluginClass.Featurer, MediaType.Video, PluginExecution.InProcess(PluginClass.Featurer), [], [], dependencies, []);

    [Fact]
    public void Without_a_version_the_latest_is_found()
    {
        var catalog = new PluginCatalog([Featurer("A", 1), Featurer("A", 3), Featurer("A", 2)]);
        catalog.Find("A")!.Version.ShouldBe(3);
        catalog.Find("A", 2)!.Version.ShouldBe(2);
        catalog.Find("A", 4).ShouldBeNull();
        catalog.Find("B").ShouldBeNull();
        catalog.VersionsOf("A").ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void A_version_is_registered_once()
    {
        var catalog = new PluginCatalog([Featurer("A", 1)]);
        Should.Throw<InvalidOperationException>(() => catalog.Register(Featurer("A", 1)));
        Should.Throw<ArgumentException>(() => catalog.Register(Featurer("A", 0)));
        Should.Throw<ArgumentException>(() => catalog.Register(Featurer("B", 1, "B")));
    }

    [Fact]
    public void Built_in_descriptors_are_consistent()
    {
        var catalog = BuiltInPlugins.CreateCatalog();
        catalog.All.Select(d => d.Name).ShouldBe(
            ["BlackFrames", "CutPointOptimizer", "ExcitementLabeler", "ExcitementSegmenter", "Freeze", "Loudness", "SceneChange", "ShotSegmenter", "Silence"]);
        foreach (var d in catalog.All)
        {
            d.Dependencies.ShouldAllBe(dep => catalog.Find(dep, null) != null && catalog.Find(dep, null)!.Class == PluginClass.Featurer, d.Name);
            d.Configuration.Where(p => p.Default != null).ShouldAllBe(p => p.Check(p.Default!) == null, d.Name);
            d.Execution.TaskQueue.ShouldBe(PluginExecution.DefaultTaskQueue(d.Class));
            if (d.Class == PluginClass.Featurer)
            {
                d.MediaFeatures.ShouldNotBeEmpty(d.Name);
            }
        }

        new[] { "SceneChange", "BlackFrames", "Freeze", "Silence" }
            .ShouldAllBe(n => catalog.Find(n, null)!.FindParameter(BuiltInPlugins.BiasParameter) != null);
    }

    [Theory]
    [InlineData(ConfigValueType.Integer, "7", null)]
    [InlineData(ConfigValueType.Integer, "1.5", "must be an integer")]
    [InlineData(ConfigValueType.Number, "0.25", null)]
    [InlineData(ConfigValueType.Number, "NaN", "must be a number")]
    [InlineData(ConfigValueType.Number, "11", "at most 10")]
    [InlineData(ConfigValueType.Number, "-1", "at least 0")]
    [InlineData(ConfigValueType.Boolean, "true", null)]
    [InlineData(ConfigValueType.Boolean, "yes", "true or false")]
    public void Configuration_values_are_checked_against_their_type_and_range(ConfigValueType type, string value, string? error)
    {
        var parameter = new ConfigParameter("p", type, Minimum: 0, Maximum: 10);
        var result = parameter.Check(value);
        if (error is null)
        {
            result.ShouldBeNull();
        }
        else
        {
            result.ShouldNotBeNull().ShouldContain(error);
        }
    }

    [Fact]
    public void Resolved_configuration_overlays_overrides_on_defaults()
    {
        var configuration = PluginConfiguration.Resolve(
            [new ConfigParameter("a", ConfigValueType.Integer, "1"), new ConfigParameter("b", ConfigValueType.Boolean, "false")],
            new Dictionary<string, string> { ["b"] = "true" });
        configuration.GetInt64("a").ShouldBe(1);
        configuration.GetBoolean("b").ShouldBeTrue();
        Should.Throw<KeyNotFoundException>(() => configuration.GetString("c"));
    }
}
