using System.Text.Json;
using System.Text.Json.Serialization;
using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Media.Generation;

/// <summary>
/// What a generated match really contains, in milliseconds from its first frame: every hard cut (the first frame of the
/// new shot), every excitement burst, silence, black and static (frozen) range. Written as <c>ground_truth.json</c>.
/// </summary>
public sealed record GroundTruth(
    MatchSpec Spec,
    long DurationMs,
    string FrameRate,
    IReadOnlyList<ShotTruth> Shots,
    IReadOnlyList<long> Cuts,
    IReadOnlyList<TimeRange> Bursts,
    IReadOnlyList<TimeRange> Silences,
    IReadOnlyList<TimeRange> Blacks,
    IReadOnlyList<TimeRange> Freezes)
{
    public const string FileName = "ground_truth.json";

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new TimeRangeJsonConverter(), new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GroundTruth FromJson(string json) =>
        JsonSerializer.Deserialize<GroundTruth>(json, Json) ?? throw new JsonException("empty ground truth");
}
