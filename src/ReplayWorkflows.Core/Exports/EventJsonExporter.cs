using System.Text.Json;
using ReplayWorkflows.Core.Segments;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// The event JSON export (schema: docs/schemas/event-export.schema.json): the event and every segment in time order
/// with original and optimized bounds (milliseconds and timecode), label, features and feedback.
/// </summary>
public static class EventJsonExporter
{
    public static string Export(EventExportInfo info, IEnumerable<ExportSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(segments);
        var ordered = segments.OrderBy(s => s.StartMs).ThenBy(s => s.Classifier, StringComparer.Ordinal).ToList();
        return ExportJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", ExportJson.FormatVersion);
            ExportJson.Event(w, info);
            w.WriteStartArray("segments");
            foreach (var s in ordered)
            {
                Segment(w, s, info);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Segment(Utf8JsonWriter w, ExportSegment s, EventExportInfo info)
    {
        w.WriteStartObject();
        w.WriteString("classifier", s.Classifier);
        ExportJson.Time(w, "start", s.StartMs, info.FrameRate);
        ExportJson.Time(w, "end", s.EndMs, info.FrameRate);
        w.WriteString("closedBy", s.CloseReason switch
        {
            SegmentCloseReason.MaxLength => "maxLength",
            SegmentCloseReason.EventEnd => "eventEnd",
            _ => "classifier",
        });
        if (s.OptoStartMs is { } os && s.OptoEndMs is { } oe)
        {
            ExportJson.Time(w, "optoStart", os, info.FrameRate);
            ExportJson.Time(w, "optoEnd", oe, info.FrameRate);
        }

        if (s.Label is not null)
        {
            w.WriteString("label", s.Label);
        }

        ExportJson.Features(w, s.Features);
        w.WriteString("feedback", ExportJson.Feedback(s.Feedback));
        w.WriteEndObject();
    }
}
