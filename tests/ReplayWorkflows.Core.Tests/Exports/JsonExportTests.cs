using System.Text.Json;
using ReplayWorkflows.Core.Exports;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Time;
using ReplayWorkflows.Testing;

namespace ReplayWorkflows.Core.Tests.Exports;

public class JsonExportTests
{
    private static JsonDocument Schema(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "schemas", name)));

    [Fact]
    public void The_event_export_matches_its_golden_file_and_its_schema()
    {
        var json = EventJsonExporter.Export(ExportFixtures.Info(FrameRate.Fps2997), ExportFixtures.Segments);
        Golden.Match("event-export.json", json);
        using var schema = Schema("event-export.schema.json");
        using var doc = JsonDocument.Parse(json);
        SchemaCheck.Errors(schema.RootElement, doc.RootElement).ShouldBeEmpty();
    }

    [Fact]
    public void The_replay_export_matches_its_golden_file_and_its_schema()
    {
        var selection = ReplaySelector.Select(ExportFixtures.Request, ExportFixtures.Candidates);
        var json = ReplayJsonExporter.Export(ExportFixtures.Info(FrameRate.Fps25), ExportFixtures.Request, selection);
        Golden.Match("replay-export.json", json);
        using var schema = Schema("replay-export.schema.json");
        using var doc = JsonDocument.Parse(json);
        SchemaCheck.Errors(schema.RootElement, doc.RootElement).ShouldBeEmpty();
    }

    [Fact]
    public void A_timestamp_replay_export_has_clips_without_segments_and_fits_the_schema()
    {
        var request = new ReplayRequest("ts", ReplayMode.Timestamps, [], Timestamps: [new TimeRange(1_000, 9_000)]);
        var json = ReplayJsonExporter.Export(ExportFixtures.Info(FrameRate.Fps25), request, ReplaySelector.Select(request, []));
        using var schema = Schema("replay-export.schema.json");
        using var doc = JsonDocument.Parse(json);
        SchemaCheck.Errors(schema.RootElement, doc.RootElement).ShouldBeEmpty();
        doc.RootElement.GetProperty("clips")[0].GetProperty("segment").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void The_schema_check_rejects_documents_that_break_the_schema()
    {
        using var schema = Schema("event-export.schema.json");
        var json = EventJsonExporter.Export(ExportFixtures.Info(FrameRate.Fps25), ExportFixtures.Segments)
            .Replace("\"startMs\"", "\"beginMs\"", StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        SchemaCheck.Errors(schema.RootElement, doc.RootElement).ShouldNotBeEmpty();
    }

    [Fact]
    public void Exports_are_deterministic_whatever_the_input_order()
    {
        var info = ExportFixtures.Info(FrameRate.Fps2997);
        var a = EventJsonExporter.Export(info, ExportFixtures.Segments);
        var b = EventJsonExporter.Export(info with { AudioTracks = [1, 2], OutputAttributes = [.. info.OutputAttributes.Reverse()] }, ExportFixtures.Segments.Reverse());
        b.ShouldBe(a);
    }
}
