using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Plugins.Tests;

public sealed class BuiltInPluginHostTests
{
    private readonly BuiltInPluginHost host = new();

    [Fact]
    public void Every_built_in_descriptor_has_an_implementation_of_its_class_running_against_that_descriptor()
    {
        host.All.Count.ShouldBe(BuiltInPlugins.Descriptors.Count);
        foreach (var descriptor in BuiltInPlugins.Descriptors)
        {
            var plugin = host.Find(descriptor.Name).ShouldNotBeNull(descriptor.Name);
            plugin.Descriptor.ShouldBeSameAs(descriptor);
            switch (descriptor.Class)
            {
                case PluginClass.Featurer:
                    host.GetFeaturer(descriptor.Name).ShouldBeSameAs(plugin);
                    break;
                case PluginClass.Classifier:
                    host.GetClassifier(descriptor.Name).ShouldBeSameAs(plugin);
                    break;
                case PluginClass.Labeler:
                    host.GetLabeler(descriptor.Name).ShouldBeSameAs(plugin);
                    break;
                case PluginClass.Optimizer:
                    host.GetOptimizer(descriptor.Name).ShouldBeSameAs(plugin);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected class {descriptor.Class}");
            }
        }
    }

    [Fact]
    public void Unknown_names_versions_and_the_wrong_plugin_class_are_refused()
    {
        host.Find("NoSuchPlugin").ShouldBeNull();
        host.Find(BuiltInPlugins.Silence, version: 2).ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => host.GetFeaturer("NoSuchPlugin")).Message.ShouldContain("NoSuchPlugin");
        Should.Throw<InvalidOperationException>(() => host.GetClassifier(BuiltInPlugins.Silence)).Message.ShouldContain("Featurer");
    }
}
