namespace ReplayWorkflows.Core.Plugins;

/// <summary>A labeler: (closed segment, dependency data inside it) to a label and features.</summary>
public interface ILabeler : IPlugin
{
    LabelerResult Label(LabelerInput input);
}
