namespace ReplayWorkflows.Core.Profiles;

/// <summary>The profile when the file is valid, else every problem found (sorted by position).</summary>
public sealed record ProfileLoadResult(Profile? Profile, IReadOnlyList<ProfileProblem> Problems)
{
    public bool IsValid => Profile is not null && Problems.Count == 0;
}
