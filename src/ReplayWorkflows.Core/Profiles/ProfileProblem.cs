namespace ReplayWorkflows.Core.Profiles;

/// <summary>One thing wrong with a profile file, where it is (1-based line and column) and what to do.</summary>
public sealed record ProfileProblem(string Source, int Line, int Column, ProfileProblemKind Kind, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
