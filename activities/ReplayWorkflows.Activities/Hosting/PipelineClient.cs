using ReplayWorkflows.Activities.Events;
using ReplayWorkflows.Activities.Replays;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Data;
using ReplayWorkflows.Data.Records;
using ReplayWorkflows.Workflows.Contracts;
using ReplayWorkflows.Workflows.Events;
using Temporalio.Client;

namespace ReplayWorkflows.Activities.Hosting;

/// <summary>
/// What clients (the CLI, the demo, an EPG scheduler) do with events: validate the profile, record the event and its
/// replays, start the event workflow, and ask a running event for its progress.
/// </summary>
public sealed class PipelineClient(ITemporalClient client, IDataPlane data)
{
    private readonly PluginCatalog catalog = BuiltInPlugins.CreateCatalog();

    /// <summary>
    /// Records the event and its replays and starts <c>event-&lt;id&gt;</c>. An invalid profile throws
    /// <see cref="InvalidDataException"/> listing each problem with its line; nothing is recorded then.
    /// </summary>
    public async Task<WorkflowHandle<EventWorkflow, EventSummary>> StartEventAsync(
        EventInput input, IEnumerable<(string ReplayId, ReplaySpec Spec)>? replays = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = ProfileLoader.Load(input.ProfileSource, input.ProfileName, catalog);
        if (loaded.Profile is null)
        {
            throw new InvalidDataException($"profile {input.ProfileName} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Problems)}");
        }

        await EventRecords.CreateAsync(data, input, cancellationToken).ConfigureAwait(false);
        foreach (var (replayId, spec) in replays ?? [])
        {
            await CreateReplayAsync(input.EventId, replayId, spec, cancellationToken).ConfigureAwait(false);
        }

        return await client.StartWorkflowAsync(
            (EventWorkflow w) => w.RunAsync(input),
            new WorkflowOptions(EventInput.WorkflowIdFor(input.EventId), TaskQueues.Events)).ConfigureAwait(false);
    }

    /// <summary>Records a replay of an event; a running event picks it up at its next update, a finished one needs <see cref="RunReplayAsync"/>.</summary>
    public async Task<bool> CreateReplayAsync(string eventId, string replayId, ReplaySpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = spec.Request.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"replay {replayId}: {string.Join("; ", problems)}");
        }

        return await data.Replays.CreateAsync(
            new ReplayRecord(replayId, eventId, ReplayStatus.Queued, spec.Request.CatchUp, spec.Request.AudioTrack, spec.ToJson()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the replay workflow for an event that has already finished.</summary>
    public Task<ReplayOutcome> RunReplayAsync(string eventId, string replayId) =>
        client.ExecuteWorkflowAsync(
            (Workflows.Replays.ReplayWorkflow w) => w.RunAsync(new ReplayTask(eventId, replayId, Final: true)),
            new WorkflowOptions($"replay-{replayId}-manual-{Guid.NewGuid():N}", TaskQueues.Events));

    public WorkflowHandle<EventWorkflow, EventSummary> GetEvent(string eventId) =>
        client.GetWorkflowHandle<EventWorkflow, EventSummary>(EventInput.WorkflowIdFor(eventId));

    public Task<EventProgress> ProgressAsync(string eventId) =>
        GetEvent(eventId).QueryAsync(w => w.Progress);
}
