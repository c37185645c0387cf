namespace ReplayWorkflows.Core.Segments;

public enum SegmentMarkKind
{
    Start,
    End,
}
