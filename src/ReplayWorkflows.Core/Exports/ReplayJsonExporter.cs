using System.Text.Json;
using ReplayWorkflows.Core.Replays;

namespace ReplayWorkflows.Core.Exports;

/// <summary>
/// The replay JSON export (schema: docs/schemas/replay-export.schema.json): the event, the replay request and the
/// selected clips in play order with the features that earned each one.
/// </summary>
public static class ReplayJsonExporter
{
    public static string Export(EventExportInfo info, ReplayRequest request, ReplaySelection selection)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(selection);
        return ExportJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", ExportJson.FormatVersion);
            ExportJson.Event(w, info);
            Request(w, request);
            w.WriteNumber("totalDurationMs", selection.TotalDurationMs);
            w.WriteNumber("totalScore", selection.TotalScore);
            w.WriteStartArray("clips");
            foreach (var c in selection.Clips)
            {
                Clip(w, c, info);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Request(Utf8JsonWriter w, ReplayRequest r)
    {
        w.WriteStartObject("replay");
        w.WriteString("id", r.Id);
        w.WriteString("mode", r.Mode switch
        {
            ReplayMode.ClipFeatures => "clipFeatures",
            ReplayMode.Timestamps => "timestamps",
            _ => "duration",
        });
        w.WriteNumber("audioTrack", r.AudioTrack);
        if (r.Mode == ReplayMode.Duration)
        {
            w.WriteNumber("durationMs", r.DurationMs);
            w.WriteNumber("toleranceMs", r.ToleranceMs);
            w.WriteBoolean("equalDistribution", r.EqualDistribution);
        }

        w.WriteBoolean("catchUp", r.CatchUp);
        w.WriteBoolean("includeLiked", r.IncludeLiked);
        w.WriteBoolean("ignoreDisliked", r.IgnoreDisliked);
        w.WriteStartArray("features");
        foreach (var f in r.Features)
        {
            Selector(w, f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Clip(Utf8JsonWriter w, SelectedClip c, EventExportInfo info)
    {
        w.WriteStartObject();
        if (c.Segment is { } key)
        {
            w.WriteStartObject("segment");
            w.WriteString("classifier", key.Classifier);
            w.WriteNumber("startMs", key.StartMs);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("segment");
        }

        ExportJson.Time(w, "start", c.StartMs, info.FrameRate);
        ExportJson.Time(w, "end", c.EndMs, info.FrameRate);
        if (c.OptoStartMs is { } os && c.OptoEndMs is { } oe)
        {
            ExportJson.Time(w, "optoStart", os, info.FrameRate);
            ExportJson.Time(w, "optoEnd", oe, info.FrameRate);
        }

        w.WriteNumber("durationMs", c.DurationMs);
        if (c.Score is { } score)
        {
            w.WriteNumber("score", score);
        }
        else
        {
            w.WriteNull("score");
        }

        w.WriteBoolean("forcedIn", c.ForcedIn);
        w.WriteStartArray("matched");
        foreach (var f in c.Matched)
        {
            Selector(w, f);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Selector(Utf8JsonWriter w, FeatureSelector f)
    {
        w.WriteStartObject();
        w.WriteString("plugin", f.Plugin);
        w.WriteString("attribute", f.Attribute);
        w.WriteBoolean("value", f.Value);
        w.WriteNumber("weight", f.Weight);
        w.WriteBoolean("include", f.Include);
        w.WriteEndObject();
    }
}
