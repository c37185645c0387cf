using Temporalio.Activities;

namespace ReplayWorkflows.Activities.Demo;

/// <summary>The smoke workflow's activity, run by the in-process worker.</summary>
public static class SmokeActivities
{
    [Activity]
    public static string Summarize(IReadOnlyList<string> chunks) =>
        $"{chunks.Count} chunks received in order: {string.Join(", ", chunks)}";
}
