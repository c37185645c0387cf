using ReplayWorkflows.Core.Time;

namespace ReplayWorkflows.Core.Profiles;

/// <summary>
/// A validated profile: how an event is chunked and analysed. Only <see cref="ProfileLoader"/> and
/// <see cref="ProfileValidator"/> make these, so every instance satisfies the profile rules.
/// </summary>
public sealed record Profile(
    string Name,
    string Description,
    long ChunkSizeMs,
    FrameRate ProcessingFrameRate,
    long MaxSegmentLengthMs,
    ProfilePlugin Classifier,
    ProfilePlugin? Optimizer,
    ProfilePlugin? Labeler,
    IReadOnlyList<ProfilePlugin> Featurers)
{
    /// <summary>Every plugin: featurers first (in file order), then classifier, labeler and optimizer.</summary>
    public IEnumerable<ProfilePlugin> Plugins
    {
        get
        {
            foreach (var f in Featurers)
            {
                yield return f;
            }

            yield return Classifier;
            if (Labeler is not null)
            {
                yield return Labeler;
            }

            if (Optimizer is not null)
            {
                yield return Optimizer;
            }
        }
    }

    public ProfilePlugin? Find(string name) => Plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
