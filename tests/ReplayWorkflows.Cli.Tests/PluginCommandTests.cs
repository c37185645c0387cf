using System.Text.Json;
using ReplayWorkflows.Core.Plugins;

namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay plugin list|show</c> over the built-in plugins.</summary>
public sealed class PluginCommandTests
{
    [Fact]
    public async Task List_shows_every_built_in_plugin()
    {
        var (code, output, error) = await CliRun.RunAsync("plugin", "list");

        code.ShouldBe(0, error);
        var rows = CliRun.Lines(output);
        rows[0].ShouldStartWith("NAME");
        var names = rows.Skip(1).Select(r => r.Split(' ')[0]).ToList();
        names.ShouldBe(BuiltInPlugins.Descriptors.Select(d => d.Name), ignoreOrder: true);
        names.Count.ShouldBe(9);
    }

    [Fact]
    public async Task List_filters_by_class()
    {
        var (code, output, error) = await CliRun.RunAsync("plugin", "list", "--class", "Classifier", "-o", "json");

        code.ShouldBe(0, error);
        using var listed = JsonDocument.Parse(output);
        listed.RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["ExcitementSegmenter", "ShotSegmenter"]);
        listed.RootElement.EnumerateArray().ShouldAllBe(p => p.GetProperty("class").GetString() == "Classifier");
    }

    [Fact]
    public async Task Show_prints_the_descriptor_and_configuration_schema()
    {
        var (code, output, error) = await CliRun.RunAsync("plugin", "show", "Loudness");

        code.ShouldBe(0, error);
        output.ShouldStartWith("Loudness v1: ");
        output.ShouldMatch(@"(?m)^\s+Class\s+Featurer$");
        output.ShouldMatch(@"(?m)^\s+MediaType\s+Audio$");
        output.ShouldMatch(@"(?m)^\s+MediaFeatures\s+Loudness$");
        output.ShouldMatch(@"(?m)^Loud\s+feature\s+");
        output.ShouldMatch(@"(?m)^MeanLufs\s+value\s+");
        output.ShouldMatch(@"(?m)^windowMs\s+Integer\s+2000\s+no\s+400\.\.60000\s+Averaging window\.$");
        output.ShouldMatch(@"(?m)^loudThresholdLufs\s+Number\s+-18\s+no\s+-70\.\.0\s+");
    }

    [Fact]
    public async Task Show_json_is_the_descriptor_with_dependencies_and_defaults()
    {
        var (code, output, error) = await CliRun.RunAsync("plugin", "show", "ExcitementLabeler", "--output", "json");

        code.ShouldBe(0, error);
        using var shown = JsonDocument.Parse(output);
        var root = shown.RootElement;
        root.GetProperty("name").GetString().ShouldBe("ExcitementLabeler");
        root.GetProperty("class").GetString().ShouldBe("Labeler");
        root.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Loudness"]);
        var high = root.GetProperty("configuration").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "highLufs");
        high.GetProperty("default").GetString().ShouldBe("-16");
    }

    [Fact]
    public async Task An_unknown_plugin_is_one_line_listing_the_known_ones()
    {
        var (code, output, error) = await CliRun.RunAsync("plugin", "show", "Nope");

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldStartWith("error: unknown plugin Nope; the built-in plugins are BlackFrames, ");
    }
}
