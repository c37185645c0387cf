using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Enums.V1;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>How workflow commands print times, statuses and durations: invariant, UTC, ISO 8601.</summary>
internal static class WorkflowFormat
{
    public const string None = "-";

    public static string Time(DateTime? time) =>
        time is { } t && t > DateTime.UnixEpoch
            ? t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : None;

    public static string Time(Timestamp? time) => Time(time?.ToDateTime());

    public static string Status(WorkflowExecutionStatus status) => status switch
    {
        WorkflowExecutionStatus.Unspecified => "Unknown",
        _ => status.ToString(),
    };

    public static string Duration(Duration? duration) =>
        duration is null ? None : duration.ToTimeSpan().TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
