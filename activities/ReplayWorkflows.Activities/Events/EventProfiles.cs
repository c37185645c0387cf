using System.Collections.Concurrent;
using ReplayWorkflows.Activities.Storage;
using ReplayWorkflows.Core.Plugins;
using ReplayWorkflows.Core.Profiles;
using ReplayWorkflows.Data;
using Temporalio.Exceptions;

namespace ReplayWorkflows.Activities.Events;

/// <summary>
/// The validated profile snapshot of each event, parsed once per worker process from the event's stored definition
/// (so a profile edited while an event runs never changes that event).
/// </summary>
internal sealed class EventProfiles(IDataPlane data, PluginCatalog catalog)
{
    private readonly ConcurrentDictionary<string, (Profile Profile, EventDefinition Definition)> cache = new(StringComparer.Ordinal);

    /// <summary>Validates profile text; invalid text is a non-retryable failure that lists every problem with its line.</summary>
    public Profile Parse(string source, string name)
    {
        var result = ProfileLoader.Load(source, name, catalog);
        if (result.Profile is null)
        {
            throw new ApplicationFailureException(
                $"profile {name} is invalid: {string.Join("; ", result.Problems.Select(p => p.ToString()))}", errorType: "InvalidProfile", nonRetryable: true);
        }

        return result.Profile;
    }

    public async Task<(Profile Profile, EventDefinition Definition)> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(eventId, out var known))
        {
            return known;
        }

        var record = await data.Events.GetAsync(eventId, cancellationToken).ConfigureAwait(false)
            ?? throw new ApplicationFailureException($"event {eventId} is not in the data plane", errorType: "UnknownEvent", nonRetryable: true);
        var definition = PipelineJson.Deserialize<EventDefinition>(record.DefinitionJson, $"definition of event {eventId}");
        var entry = (Parse(definition.ProfileSource, record.ProfileName), definition);
        cache[eventId] = entry;
        return entry;
    }

    /// <summary>How far an optimizer may move in and out points (its search window); 0 when it has none.</summary>
    public static long SearchWindowMs(ProfilePlugin optimizer) =>
        optimizer.Configuration.Values.TryGetValue(BuiltInPlugins.SearchWindowParameter, out var window)
            ? long.Parse(window, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    public async Task<ProfilePlugin> PluginAsync(string eventId, string plugin, CancellationToken cancellationToken)
    {
        var (profile, _) = await GetAsync(eventId, cancellationToken).ConfigureAwait(false);
        return profile.Find(plugin)
            ?? throw new ApplicationFailureException($"profile {profile.Name} of event {eventId} has no plugin {plugin}", errorType: "PluginConfiguration", nonRetryable: true);
    }
}
