using Google.Protobuf;
using Temporalio.Api.History.V1;

namespace Temporalio.Common;

/// <summary>A workflow's history events, for replay testing; JSON is Temporal's (protobuf JSON of a History).</summary>
public record WorkflowHistory(string Id, IReadOnlyCollection<HistoryEvent> Events)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static WorkflowHistory FromJson(string workflowId, string json)
    {
        var history = Parser.Parse<History>(json);
        return new WorkflowHistory(workflowId, history.Events);
    }

    public string ToJson()
    {
        var history = new History();
        history.Events.AddRange(Events);
        return JsonFormatter.Default.Format(history);
    }
}
