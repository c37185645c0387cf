using ReplayWorkflows.Data.Records;

namespace ReplayWorkflows.Data.Tests;

public sealed class CatalogStoreTests(DataPlaneFixture fixture) : StoreTest(fixture)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_profile_revision_grows_only_when_its_definition_changes(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);

        var first = await plane.Profiles.SaveAsync("soccer", """{"chunkSizeMs":20000}""");
        var same = await plane.Profiles.SaveAsync("soccer", """{"chunkSizeMs":20000}""");
        var changed = await plane.Profiles.SaveAsync("soccer", """{"chunkSizeMs":10000}""");

        first.Revision.ShouldBe(1);
        same.ShouldBe(first);
        changed.Revision.ShouldBe(2);
        changed.CreatedUnixMs.ShouldBe(first.CreatedUnixMs);
        (await plane.Profiles.GetAsync("soccer")).ShouldBe(changed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Profiles_list_by_name_and_can_be_deleted(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Profiles.SaveAsync("tennis", "{}");
        await plane.Profiles.SaveAsync("news", "{}");

        (await plane.Profiles.ListAsync()).Select(p => p.Name).ShouldBe(["news", "tennis"]);
        (await plane.Profiles.DeleteAsync("news")).ShouldBeTrue();
        (await plane.Profiles.DeleteAsync("news")).ShouldBeFalse();
        (await plane.Profiles.GetAsync("news")).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Registering_the_same_plugin_version_again_is_a_no_op(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        var plugin = new PluginRecord("DetectSilence", "1.0.0", "Featurer", "Audio", """{"config":{"threshold":-50}}""");

        (await plane.Plugins.RegisterAsync(plugin)).ShouldBeTrue();
        (await plane.Plugins.RegisterAsync(plugin)).ShouldBeFalse();

        (await plane.Plugins.ListAsync()).ShouldHaveSingleItem().DefinitionJson.ShouldBe(plugin.DefinitionJson);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_registered_plugin_version_is_immutable(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Plugins.RegisterAsync(new PluginRecord("DetectSilence", "1.0.0", "Featurer", "Audio", "{}"));

        var error = await Should.ThrowAsync<DataPlaneException>(() =>
            plane.Plugins.RegisterAsync(new PluginRecord("DetectSilence", "1.0.0", "Featurer", "Audio", """{"changed":true}""")));

        error.Message.ShouldContain("plugin DetectSilence version 1.0.0 is already registered with a different definition");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_latest_plugin_version_is_the_newest_enabled_one(DataProvider provider)
    {
        await using var plane = await OpenAsync(provider);
        await plane.Plugins.RegisterAsync(new PluginRecord("Seg", "1", "Classifier", "Video", "{}"));
        await plane.Plugins.RegisterAsync(new PluginRecord("Seg", "2", "Classifier", "Video", "{}"));
        await plane.Plugins.RegisterAsync(new PluginRecord("Scene", "1", "Featurer", "Video", "{}"));

        (await plane.Plugins.GetLatestAsync("Seg"))!.Version.ShouldBe("2");
        (await plane.Plugins.SetEnabledAsync("Seg", "2", false)).ShouldBeTrue();
        (await plane.Plugins.GetLatestAsync("Seg"))!.Version.ShouldBe("1");
        (await plane.Plugins.GetAsync("Seg", "2"))!.Enabled.ShouldBeFalse();
        (await plane.Plugins.ListAsync("Featurer")).ShouldHaveSingleItem().Name.ShouldBe("Scene");
        (await plane.Plugins.ListAsync()).Select(p => (p.Name, p.Version)).ShouldBe([("Scene", "1"), ("Seg", "1"), ("Seg", "2")]);
    }
}
