using System.Text.Json;
using ReplayWorkflows.Cli.Commands;
using ReplayWorkflows.Cli.Profiles;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Cli.Tests;

/// <summary><c>replay profile apply|list|show</c> on a temporary SQLite data plane.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("replay-profile-").FullName;

    private string Database => Path.Combine(dir, "data", "replay.db");

    private static string Soccer => Path.Combine(RepoPaths.RepoRoot, "samples", "profiles", "soccer-excitement.yaml");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Apply_stores_the_original_text_that_list_and_show_return()
    {
        var (code, output, error) = await Cli("profile", "apply", "-f", Soccer);

        code.ShouldBe(0, error);
        output.Trim().ShouldStartWith("Profile soccer-excitement created (revision 1)");

        (code, output, error) = await Cli("profile", "list");
        code.ShouldBe(0, error);
        var lines = CliRun.Lines(output);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("NAME");
        lines[1].ShouldStartWith("soccer-excitement");
        lines[1].ShouldContain(" 1 ");
        lines[1].ShouldContain("yaml");

        var text = await File.ReadAllTextAsync(Soccer);
        (code, output, error) = await Cli("profile", "show", "soccer-excitement");
        code.ShouldBe(0, error);
        output.ShouldBe(text.EndsWith('\n') ? text : text + Environment.NewLine);

        (code, output, error) = await Cli("profile", "show", "soccer-excitement", "-o", "json");
        code.ShouldBe(0, error);
        using var shown = JsonDocument.Parse(output);
        shown.RootElement.GetProperty("name").GetString().ShouldBe("soccer-excitement");
        shown.RootElement.GetProperty("revision").GetInt32().ShouldBe(1);
        shown.RootElement.GetProperty("format").GetString().ShouldBe("yaml");
        shown.RootElement.GetProperty("source").GetString().ShouldBe(text);
    }

    [Fact]
    public async Task Reapplying_keeps_the_revision_and_a_changed_file_gets_the_next_one()
    {
        (await Cli("profile", "apply", "-f", Soccer)).Code.ShouldBe(0);
        var (code, output, _) = await Cli("profile", "apply", "-f", Soccer, "-o", "json");
        code.ShouldBe(0);
        using (var same = JsonDocument.Parse(output))
        {
            same.RootElement.GetProperty("revision").GetInt32().ShouldBe(1);
            same.RootElement.GetProperty("state").GetString().ShouldBe("unchanged");
        }

        var changed = Path.Combine(dir, "soccer-v2.yaml");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(Soccer)).Replace("highLufs: -15", "highLufs: -14", StringComparison.Ordinal));
        (code, output, var error) = await Cli("profile", "apply", "-f", changed);
        code.ShouldBe(0, error);
        output.ShouldContain("Profile soccer-excitement updated (revision 2)");
        (await Cli("profile", "show", "soccer-excitement")).Output.ShouldContain("highLufs: -14");
    }

    [Fact]
    public async Task The_stored_definition_loads_again_with_the_profile_loader()
    {
        (await Cli("profile", "apply", "-f", Soccer)).Code.ShouldBe(0);
        var (_, output, _) = await Cli("profile", "show", "soccer-excitement", "-o", "json");
        using var shown = JsonDocument.Parse(output);

        // What the data plane holds is StoredProfile's JSON; read it back the way the event commands will.
        var definition = StoredProfile.ToDefinitionJson(shown.RootElement.GetProperty("source").GetString()!, "soccer-excitement.yaml");
        var (text, source) = StoredProfile.FromDefinitionJson(definition);
        var loaded = ProfileLoader.Load(text, source, PluginCatalogs.BuiltIn());
        loaded.IsValid.ShouldBeTrue(string.Join("; ", loaded.Problems));
        loaded.Profile!.Name.ShouldBe("soccer-excitement");
    }

    [Fact]
    public void Stored_profiles_keep_json_text_and_its_format()
    {
        const string json = "{\n\t\"name\": \"tiny\"\n}";
        var definition = StoredProfile.ToDefinitionJson(json, "tiny.json");

        using (var document = JsonDocument.Parse(definition))
        {
            document.RootElement.GetProperty("format").GetString().ShouldBe("json");
            document.RootElement.GetProperty("source").GetString().ShouldBe(json);
        }

        StoredProfile.FromDefinitionJson(definition).ShouldBe((json, "tiny.json"));
        StoredProfile.FromDefinitionJson("""{"format":"json","source":"{}"}""").ShouldBe(("{}", "profile.json"));
        Should.Throw<CliUserException>(() => StoredProfile.FromDefinitionJson("""{"chunkSizeMs":20000}"""));
    }

    [Fact]
    public async Task A_broken_profile_prints_every_problem_with_its_position_and_saves_nothing()
    {
        var broken = Path.Combine(dir, "broken.yaml");
        await File.WriteAllTextAsync(broken, """
            name: broken
            description: Two problems
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 120

            classifier:
              plugin: ExcitementSegmenter
              dependsOn: [Loudness]

            featurers:
              - plugin: Loudness
                configuration:
                  windowMs: 10
              - plugin: Bogus
            """);

        var (code, output, error) = await Cli("profile", "apply", "-f", broken);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        var lines = CliRun.Lines(error);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith($"{broken}:14:");
        lines[0].ShouldContain("windowMs");
        lines[1].ShouldStartWith($"{broken}:15:");
        lines[1].ShouldContain("Bogus");
        lines[2].ShouldBe($"error: profile {broken} is invalid: 2 problems; nothing was saved");
        (await Cli("profile", "list")).Output.Trim().ShouldBe("NAME  REVISION  FORMAT  UPDATED");
    }

    [Fact]
    public async Task A_dependency_cycle_is_reported_with_its_line()
    {
        var cycle = Path.Combine(dir, "cycle.yaml");
        await File.WriteAllTextAsync(cycle, """
            name: cycle
            description: Featurers that need each other
            chunkSizeSeconds: 20
            processingFrameRate: 25
            maxSegmentLengthSeconds: 120

            classifier:
              plugin: ExcitementSegmenter
              dependsOn: [Loudness]

            featurers:
              - plugin: Loudness
                dependsOn: [Silence]
              - plugin: Silence
                dependsOn: [Loudness]
            """);

        var (code, _, error) = await Cli("profile", "apply", "-f", cycle);

        code.ShouldBe(1);
        var lines = CliRun.Lines(error);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe($"{cycle}:15:17: dependency cycle: Loudness -> Silence -> Loudness");
        lines[1].ShouldBe($"error: profile {cycle} is invalid: 1 problem; nothing was saved");
    }

    [Fact]
    public async Task Missing_files_and_profiles_are_one_line_errors()
    {
        var (code, _, error) = await Cli("profile", "apply", "-f", Path.Combine(dir, "nope.yaml"));
        code.ShouldBe(1);
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldStartWith("error: profile file ");

        (code, _, error) = await Cli("profile", "show", "nope");
        code.ShouldBe(1);
        CliRun.Lines(error).ShouldHaveSingleItem().ShouldStartWith("error: profile nope not found in SQLite file ");
    }

    private Task<(int Code, string Output, string Error)> Cli(params string[] args) =>
        CliRun.RunAsync([.. args, "--data-db", Database]);
}
