using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;

namespace ReplayWorkflows.Cli.Commands;

/// <summary>
/// One short line describing a history event's attributes (<c>workflowType=Counter, taskQueue=q, input=[5]</c>):
/// names, types, ids, payloads that are JSON, failure messages. Bookkeeping fields (identity, request ids, headers,
/// timestamps) are left out; <c>--output json</c> has everything.
/// </summary>
internal static class WorkflowEventSummary
{
    public const int MaxLength = 120;
    private const int MaxPayloadLength = 60;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "identity", "requestId", "binaryChecksum", "workerVersion", "sdkMetadata", "header", "memo", "searchAttributes",
        "firstExecutionRunId", "originalExecutionRunId", "prevAutoResetPoints", "workflowTaskCompletedEventId",
        "historySizeBytes", "suggestContinueAsNew", "meteringMetadata", "workerDeploymentName", "workerDeploymentVersion",
        "deploymentVersionTransition", "versioningOverride", "parentWorkflowNamespaceId", "namespaceId", "useCompatibleVersion",
        "inheritBuildId", "priority", "links", "callbackId", "workflowIdReusePolicy", "workflowIdConflictPolicy", "workerMayIgnore",
    };

    public static string Of(HistoryEvent historyEvent)
    {
        var oneof = HistoryEvent.Descriptor.Oneofs.FirstOrDefault(o => o.Name == "attributes");
        var field = oneof?.Accessor.GetCaseFieldDescriptor(historyEvent);
        if (field?.Accessor.GetValue(historyEvent) is not IMessage attributes)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (var f in attributes.Descriptor.Fields.InFieldNumberOrder())
        {
            if (f.IsRepeated || f.IsMap || Skipped.Contains(f.JsonName) || Value(f, f.Accessor.GetValue(attributes)) is not { } value)
            {
                continue;
            }

            parts.Add($"{f.JsonName}={value}");
        }

        return Truncate(string.Join(", ", parts), MaxLength);
    }

    private static string? Value(FieldDescriptor field, object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s.ReplaceLineEndings(" "),
        bool b => b ? "true" : null,
        int i => i == 0 ? null : i.ToString(CultureInfo.InvariantCulture),
        long l => l == 0 ? null : l.ToString(CultureInfo.InvariantCulture),
        uint u => u == 0 ? null : u.ToString(CultureInfo.InvariantCulture),
        ulong u => u == 0 ? null : u.ToString(CultureInfo.InvariantCulture),
        double d => d == 0 ? null : d.ToString(CultureInfo.InvariantCulture),
        float f => f == 0 ? null : f.ToString(CultureInfo.InvariantCulture),
        System.Enum e when field.FieldType == FieldType.Enum => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0 ? null : e.ToString(),
        WorkflowType t => NonEmpty(t.Name),
        ActivityType t => NonEmpty(t.Name),
        Temporalio.Api.TaskQueue.V1.TaskQueue q => NonEmpty(q.Name),
        Temporalio.Api.Common.V1.WorkflowExecution x => NonEmpty(x.WorkflowId),
        Payloads p => p.Payloads_.Count == 0 ? null : "[" + string.Join(", ", p.Payloads_.Select(Payload)) + "]",
        Payload p => Payload(p),
        Failure failure => NonEmpty(failure.Message.ReplaceLineEndings(" ")) ?? "(failure)",
        Duration d => d.Seconds == 0 && d.Nanos == 0 ? null : WorkflowFormat.Duration(d),
        _ => null,
    };

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    private static string Payload(Payload payload)
    {
        var encoding = payload.Metadata.TryGetValue("encoding", out var e) ? e.ToStringUtf8() : "";
        return encoding switch
        {
            "binary/null" => "null",
            "json/plain" => Truncate(payload.Data.ToStringUtf8().ReplaceLineEndings(" "), MaxPayloadLength),
            _ => $"<{(encoding.Length > 0 ? encoding : "unknown")} {payload.Data.Length.ToString(CultureInfo.InvariantCulture)} bytes>",
        };
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = new StringBuilder(text, 0, max - 3, max);
        return cut.Append("...").ToString();
    }
}
