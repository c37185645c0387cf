namespace ReplayWorkflows.Media.Sources;

/// <summary>A playlist line that could not be understood, with its 1-based line number; parsing carries on past it.</summary>
public sealed record HlsParseProblem(int LineNumber, string Line, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message} ({Line})";
}
