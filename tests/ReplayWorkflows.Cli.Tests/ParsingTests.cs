using ReplayWorkflows.Cli.Commands;
using ReplayWorkflows.Cli.Parsing;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Workflows.Contracts;

namespace ReplayWorkflows.Cli.Tests;

/// <summary>Durations, replay features, sources and task queues as typed on the command line.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("2h", 7200)]
    [InlineData("3600s", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("01:30:00", 5400)]
    [InlineData(" 45S ", 45)]
    public void Durations_read_units_and_timespans(string text, int seconds) =>
        DurationText.Parse(text).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Milliseconds_are_a_unit_of_their_own() => DurationText.Parse("1500ms").ShouldBe(TimeSpan.FromMilliseconds(1500));

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("ten minutes")]
    [InlineData("5d")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("25:99:00")]
    public void Bad_durations_say_what_works(string text)
    {
        var ex = Should.Throw<FormatException>(() => DurationText.Parse(text));
        ex.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_bare_number_is_refused_with_the_forms_that_work() =>
        Should.Throw<FormatException>(() => DurationText.Parse("90")).Message.ShouldContain("90m");

    [Theory]
    [InlineData("ExcitementLabeler.HighExcitement=10", "ExcitementLabeler", "HighExcitement", 10)]
    [InlineData("Loudness.Loud", "Loudness", "Loud", 1)]
    [InlineData("Loudness.Loud=0", "Loudness", "Loud", 0)]
    [InlineData("Loudness.Loud=100", "Loudness", "Loud", 100)]
    public void Features_are_plugin_attribute_and_weight(string text, string plugin, string attribute, int weight)
    {
        var feature = FeatureText.Parse(text);

        feature.Plugin.ShouldBe(plugin);
        feature.Attribute.ShouldBe(attribute);
        feature.Value.ShouldBeTrue();
        feature.Weight.ShouldBe(weight);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Loudness")]
    [InlineData(".Loud=3")]
    [InlineData("Loudness.=3")]
    [InlineData("Loudness.Loud=")]
    [InlineData("Loudness.Loud=abc")]
    [InlineData("Loudness.Loud=-1")]
    [InlineData("Loudness.Loud=101")]
    [InlineData("Loudness.Loud=2.5")]
    public void Bad_features_are_refused(string text) =>
        Should.Throw<FormatException>(() => FeatureText.Parse(text)).Message.ShouldContain(text.Trim());

    [Fact]
    public void Sources_keep_their_kind_and_make_local_paths_absolute()
    {
        SourceText.Normalize("s3://bucket/live/match").ShouldBe("s3://bucket/live/match");
        SourceText.Normalize("S3://bucket").ShouldBe("s3://bucket");
        SourceText.Normalize("hls:https://cdn.example.com/live/index.m3u8").ShouldBe("hls:https://cdn.example.com/live/index.m3u8");
        SourceText.Normalize("hls:media/index.m3u8").ShouldBe("hls:" + Path.GetFullPath("media/index.m3u8"));
        SourceText.Normalize("Folder:/data/live").ShouldBe("folder:" + Path.GetFullPath("/data/live"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/data/live")]
    [InlineData("folder:")]
    [InlineData("hls:")]
    [InlineData("s3://")]
    [InlineData("s3:///prefix")]
    [InlineData("rtmp://host/live")]
    [InlineData("http://host/index.m3u8")]
    public void Bad_sources_name_the_forms_that_work(string text) =>
        Should.Throw<FormatException>(() => SourceText.Normalize(text)).Message.ShouldContain(text.Trim());

    [Fact]
    public void Worker_queues_default_to_all_and_follow_plugin_classes()
    {
        WorkerCommand.Resolve([], []).ShouldBe(TaskQueues.All);
        WorkerCommand.Resolve([TaskQueues.Render], [PluginClass.Labeler, PluginClass.Featurer])
            .ShouldBe([TaskQueues.Featurer, TaskQueues.Labeler, TaskQueues.Render]);
        WorkerCommand.Resolve([TaskQueues.Events, TaskQueues.Events], []).ShouldBe([TaskQueues.Events]);
    }

    [Fact]
    public void An_unknown_queue_lists_the_valid_ones()
    {
        var ex = Should.Throw<CliUserException>(() => WorkerCommand.Resolve(["bogus"], []));

        ex.Message.ShouldContain("'bogus'");
        foreach (var queue in TaskQueues.All)
        {
            ex.Message.ShouldContain(queue);
        }
    }

    [Theory]
    [InlineData("2025-06-01T18:00:00Z", 18)]
    [InlineData("2025-06-01T18:00:00", 18)]
    [InlineData("2025-06-01T20:00:00+02:00", 18)]
    public void Start_times_are_iso_8601_in_utc(string text, int hour)
    {
        var start = EventStartCommand.ParseStart(text);

        start.Kind.ShouldBe(DateTimeKind.Utc);
        start.ShouldBe(new DateTime(2025, 6, 1, hour, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Default_event_ids_come_from_the_name() =>
        EventStartCommand.DefaultId("Cup Final: Reds v Blues!").ShouldMatch("^cup-final-reds-v-blues-[0-9a-f]{6}$");
}
