using System.Text.Json;
using System.Text.Json.Serialization;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Generation;

/// <summary>Writes a <see cref="TimeRange"/> as <c>{"startMs":..,"endMs":..}</c> and reads it back through its validating constructor.</summary>
internal sealed class TimeRangeJsonConverter : JsonConverter<TimeRange>
{
    public override TimeRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long? start = null;
        long? end = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a time range is an object");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "startMs":
                    start = reader.GetInt64();
                    break;
                case "endMs":
                    end = reader.GetInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return start is { } s && end is { } e ? new TimeRange(s, e) : throw new JsonException("a time range needs startMs and endMs");
    }

    public override void Write(Utf8JsonWriter writer, TimeRange value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("startMs", value.StartMs);
        writer.WriteNumber("endMs", value.EndMs);
        writer.WriteEndObject();
    }
}
