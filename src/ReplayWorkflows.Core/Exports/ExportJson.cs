using System.Text;
using System.Text.Json;
using ReplayWorkflows.Core.Replays;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// Shared JSON writing for exports: a fixed property order, two-space indentation and LF line ends, so the same
/// input always gives the same bytes.
/// </summary>
internal static class ExportJson
{
    public const int FormatVersion = 1;

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Event(Utf8JsonWriter w, EventExportInfo info)
    {
        w.WriteStartObject("event");
        w.WriteString("id", info.Id);
        w.WriteString("name", info.Name);
        w.WriteString("program", info.Program);
        w.WriteString("profile", info.Profile);
        w.WriteString("frameRate", info.FrameRate.ToString());
        w.WriteBoolean("dropFrame", info.FrameRate.SupportsDropFrame);
        w.WriteString("sourceName", info.SourceName);
        w.WriteStartArray("audioTracks");
        foreach (var t in info.AudioTracks.Order())
        {
            w.WriteNumberValue(t);
        }

        w.WriteEndArray();
        w.WriteStartArray("outputAttributes");
        foreach (var a in info.OutputAttributes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Time(Utf8JsonWriter w, string name, long ms, FrameRate rate)
    {
        w.WriteNumber(name + "Ms", ms);
        w.WriteString(name + "Timecode", Timecode.FromMilliseconds(ms, rate, rate.SupportsDropFrame).ToString());
    }

    public static void Features(Utf8JsonWriter w, IEnumerable<FeatureValue> features)
    {
        w.WriteStartArray("features");
        foreach (var f in features.OrderBy(f => f.Plugin, StringComparer.Ordinal).ThenBy(f => f.Attribute, StringComparer.Ordinal).ThenBy(f => f.Value))
        {
            w.WriteStartObject();
            w.WriteString("plugin", f.Plugin);
            w.WriteString("attribute", f.Attribute);
            w.WriteBoolean("value", f.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static string Feedback(SegmentFeedback feedback) => feedback switch
    {
        SegmentFeedback.Like => "like",
        SegmentFeedback.Dislike => "dislike",
        _ => "none",
    };
}
